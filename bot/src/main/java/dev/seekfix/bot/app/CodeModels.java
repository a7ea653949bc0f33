package dev.seekfix.bot.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.seekfix.bot.model.CodeModel;
import dev.seekfix.bot.model.EmbeddedCodeModel;
import dev.seekfix.bot.model.OpenAiCompatibleCodeModel;
import dev.seekfix.bot.retry.Sleeper;
import dev.seekfix.engine.api.EngineOptions;
import dev.seekfix.engine.api.LanguageModel;
import dev.seekfix.engine.api.Models;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** Opens the model {@code SEEKFIX_MODEL} names: the demo model, a GGUF on the embedded engine, or an OpenAI-compatible server. */
final class CodeModels {

    private static final Logger log = LoggerFactory.getLogger(CodeModels.class);

    private CodeModels() {
    }

    static CodeModel open(BotSettings settings, EngineOptions engine) {
        return switch (settings.model()) {
            case ModelChoice.Demo demo -> {
                Path file = Models.demoModel(settings.dataDir());
                log.warn("event=model.demo file={} note=\"SEEKFIX_MODEL is unset: running the built-in random-weight demo model; its answers are meaningless. Point SEEKFIX_MODEL at a DeepSeek-Coder-V2 GGUF or an openai: endpoint\"", file);
                yield embedded(Models.local().load(file, engine), file); // tiny: nothing to warm up
            }
            case ModelChoice.Gguf gguf -> {
                if (!Files.isRegularFile(gguf.path())) {
                    throw new InvalidSettingException("SEEKFIX_MODEL=%s: no such file; expected a DeepSeek-V2/Coder-V2 GGUF "
                            .formatted(gguf.path()) + "(e.g. DeepSeek-Coder-V2-Lite-Instruct-Q4_K_M.gguf) or openai:<base-url>");
                }
                yield embedded(Models.local().loadWarmedUp(gguf.path(), engine), gguf.path());
            }
            case ModelChoice.OpenAi openAi -> {
                log.info("event=model.remote base_url={} model={}", openAi.baseUrl(), settings.modelName().orElseThrow());
                yield new OpenAiCompatibleCodeModel(new OpenAiCompatibleCodeModel.Endpoint(openAi.baseUrl(),
                        settings.modelName().orElseThrow(), settings.modelApiKey(), settings.modelContext(),
                        Duration.ofMinutes(10), 3),
                        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), new ObjectMapper(),
                        Sleeper.REAL, Clock.systemUTC());
            }
        };
    }

    private static CodeModel embedded(LanguageModel model, Path file) {
        log.info("event=model.loaded file={} name=\"{}\" backend={} context={} random_weights={}", file,
                model.info().name(), model.info().backend(), model.info().contextLength(), model.info().randomWeights());
        return new EmbeddedCodeModel(model);
    }
}
