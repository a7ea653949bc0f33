package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.github.GitHubApp;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.prompts.PromptTemplates;

import java.time.Clock;

/**
 * The shared parts a pluggable task (the CI fixer) is built from.
 *
 * @param model the model with JSON repair in front of it
 */
public record BotServices(GitHubApp github, CodeModel model, PromptTemplates prompts, ObjectMapper json, Clock clock) {
}
