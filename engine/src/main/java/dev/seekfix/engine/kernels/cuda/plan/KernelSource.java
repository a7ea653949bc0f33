package dev.seekfix.engine.kernels.cuda.plan;

import dev.seekfix.engine.api.EngineException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One compilation unit: {@code cuda/prelude.cuh} followed by one {@code cuda/<file>.cu} resource, exactly the text
 * NVRTC compiles at run time and the nvcc test compiles at build time.
 *
 * @param file the {@code .cu} resource name, e.g. {@code matvec.cu}
 * @param text prelude + source
 */
public record KernelSource(String file, String text) {

    /** The kernel files, in load order. */
    public static final List<String> FILES = List.of("matvec.cu", "dequant.cu", "elementwise.cu", "moe.cu",
            "mla_attention.cu", "random.cu");

    static final String PRELUDE = "prelude.cuh";

    private static final Pattern KERNEL = Pattern.compile("extern \"C\" __global__ void(?:\\s+__launch_bounds__\\([^)]*\\))?\\s+(\\w+)\\s*\\(");
    private static final Pattern MACRO_KERNEL = Pattern.compile("^\\s*(?:MATVEC|GATHER|TO_HALF)_KERNEL\\((\\w+)", Pattern.MULTILINE);

    public static KernelSource load(String file) {
        return new KernelSource(file, resource(PRELUDE) + "\n#line 1 \"" + file + "\"\n" + resource(file));
    }

    public static List<KernelSource> all() {
        return FILES.stream().map(KernelSource::load).toList();
    }

    /** Hex SHA-256 of the text: with the architecture and options, the key of a cached CUBIN. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Names of the {@code extern "C"} kernels this unit defines (directly or through its kernel macros). */
    public Set<String> definedKernels() {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = KERNEL.matcher(text);
        while (m.find()) names.add(m.group(1));
        Matcher macro = MACRO_KERNEL.matcher(text);
        while (macro.find()) {
            String arg = macro.group(1);
            String line = text.substring(macro.start()).trim();
            if (line.startsWith("MATVEC_KERNEL")) names.add(arg);
            else if (line.startsWith("GATHER_KERNEL")) names.add("gather_rows_" + arg);
            else names.add("rows_to_half_" + arg);
        }
        names.remove("name"); // the macro definitions' parameter
        names.removeIf(n -> n.startsWith("__"));
        return names;
    }

    private static String resource(String name) {
        try (InputStream in = KernelSource.class.getResourceAsStream("/cuda/" + name)) {
            if (in == null) {
                throw new EngineException("CUDA kernel source cuda/" + name + " is missing from the classpath; the engine jar "
                        + "is incomplete, rebuild it with ./mvnw -pl engine package");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new EngineException("cannot read CUDA kernel source cuda/" + name + ": " + e.getMessage(), e);
        }
    }
}
