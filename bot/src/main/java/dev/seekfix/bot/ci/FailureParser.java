package dev.seekfix.bot.ci;

import java.util.List;

/**
 * Reads one tool's failure output out of a step's cleaned lines. Each tool has its own parser, tested on logs in
 * that tool's real format; a parser that finds nothing of its tool returns an empty list.
 */
public interface FailureParser {

    List<FailureFact> parse(List<String> lines);
}
