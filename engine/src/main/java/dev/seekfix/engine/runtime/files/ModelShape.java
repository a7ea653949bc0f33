package dev.seekfix.engine.runtime.files;

import dev.seekfix.engine.api.EngineException;

/**
 * The hyper-parameters of a DeepSeek-V2 model to write, from the published {@code config.json} files
 * (ENGINE.md, "Configurations") and the fixtures' micro model (fixture README, section 2.1).
 */
public record ModelShape(String like, int layers, int hidden, int heads, int vocabulary, int qLoraRank, int kvLoraRank,
                         int qkNopeDim, int qkRopeDim, int vHeadDim, int denseLayers, int denseFfn, int experts,
                         int expertsUsed, int sharedExperts, int expertFfn, float expertWeightsScale, int expertGroups,
                         int expertGroupsUsed, int contextLength) {

    public ModelShape {
        if (layers < 1) throw new EngineException("a model needs at least one layer, found --layers " + layers);
        if (vocabulary < 260) {
            throw new EngineException("a byte-level vocabulary needs the 256 byte tokens plus BOS and EOS: --vocab of at"
                    + " least 260, found " + vocabulary);
        }
    }

    /** {@code coder-v2-lite}, {@code coder-v2} or {@code micro}. */
    public static ModelShape like(String name) {
        return switch (name) {
            case "coder-v2-lite" -> new ModelShape(name, 27, 2048, 16, 102400, 0, 512, 128, 64, 128, 1, 10944, 64, 6, 2,
                    1408, 1.0f, 1, 1, 163840);
            case "coder-v2" -> new ModelShape(name, 60, 5120, 128, 102400, 1536, 512, 128, 64, 128, 1, 12288, 160, 6, 2,
                    1536, 16.0f, 8, 3, 163840);
            case "micro" -> new ModelShape(name, 3, 128, 4, 4015, 0, 32, 16, 8, 16, 1, 256, 8, 2, 1, 64, 1.0f, 1, 1,
                    163840);
            default -> throw new EngineException("unknown model shape '" + name + "'; expected coder-v2-lite, coder-v2 or micro");
        };
    }

    public ModelShape withLayers(int n) {
        return new ModelShape(like, n, hidden, heads, vocabulary, qLoraRank, kvLoraRank, qkNopeDim, qkRopeDim, vHeadDim,
                Math.min(denseLayers, n), denseFfn, experts, expertsUsed, sharedExperts, expertFfn, expertWeightsScale,
                expertGroups, expertGroupsUsed, contextLength);
    }

    public ModelShape withVocabulary(int n) {
        return new ModelShape(like, layers, hidden, heads, n, qLoraRank, kvLoraRank, qkNopeDim, qkRopeDim, vHeadDim,
                denseLayers, denseFfn, experts, expertsUsed, sharedExperts, expertFfn, expertWeightsScale, expertGroups,
                expertGroupsUsed, contextLength);
    }
}
