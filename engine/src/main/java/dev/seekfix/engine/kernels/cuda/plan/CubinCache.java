package dev.seekfix.engine.kernels.cuda.plan;

import dev.seekfix.engine.api.EngineException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Compiled kernels on disk, one file per (source text, architecture, NVRTC options):
 * {@code <dir>/<file>-<arch>-<hash16>.cubin}. A changed source or option gives a new name, so stale entries are
 * never read; writes go through a temporary file and an atomic rename so concurrent processes never see half a file.
 */
public final class CubinCache {

    private final Path dir;

    public CubinCache(Path dir) {
        this.dir = dir;
    }

    /** {@code $SEEKFIX_DATA_DIR/cuda-cache} when set, else {@code ~/.cache/seekfix/cuda}. */
    public static Path defaultDirectory() {
        String data = System.getenv("SEEKFIX_DATA_DIR");
        if (data != null && !data.isBlank()) return Path.of(data, "cuda-cache");
        return Path.of(System.getProperty("user.home"), ".cache", "seekfix", "cuda");
    }

    public Path directory() { return dir; }

    public Path pathFor(KernelSource source, NvrtcOptions options) {
        String base = source.file().replaceAll("\\.cu$", "");
        return dir.resolve(base + "-" + options.arch() + "-" + key(source, options).substring(0, 16) + ".cubin");
    }

    /** SHA-256 over the source text, the architecture and every option. */
    public static String key(KernelSource source, NvrtcOptions options) {
        try {
            MessageDigest d = MessageDigest.getInstance("SHA-256");
            d.update(source.text().getBytes(StandardCharsets.UTF_8));
            d.update((byte) 0);
            d.update(options.arch().getBytes(StandardCharsets.UTF_8));
            for (String o : options.options()) {
                d.update((byte) 0);
                d.update(o.getBytes(StandardCharsets.UTF_8));
            }
            return HexFormat.of().formatHex(d.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    public Optional<byte[]> read(KernelSource source, NvrtcOptions options) {
        Path p = pathFor(source, options);
        try {
            byte[] bytes = Files.readAllBytes(p);
            return bytes.length > 0 ? Optional.of(bytes) : Optional.empty();
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new EngineException("cannot read cached kernel " + p + ": " + e.getMessage() + "; delete the file to recompile", e);
        }
    }

    public Path write(KernelSource source, NvrtcOptions options, byte[] cubin) {
        Path p = pathFor(source, options);
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, p.getFileName().toString(), ".tmp");
            Files.write(tmp, cubin);
            try {
                Files.move(tmp, p, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, p, StandardCopyOption.REPLACE_EXISTING);
            }
            return p;
        } catch (IOException e) {
            throw new EngineException("cannot write compiled kernel to " + p + ": " + e.getMessage()
                    + "; make the directory writable or set SEEKFIX_DATA_DIR", e);
        }
    }
}
