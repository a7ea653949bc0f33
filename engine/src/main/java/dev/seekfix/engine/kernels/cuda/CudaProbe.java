package dev.seekfix.engine.kernels.cuda;

/**
 * Asks the driver for a device exactly once and remembers the answer. Loading the presets' JNI library throws
 * {@link UnsatisfiedLinkError} where there is no NVIDIA driver ({@code libcuda.so.1}), and any later touch of the
 * class then throws {@code NoClassDefFoundError} (BUILD.md "CUDA presets on a machine without a GPU"), so every
 * {@link LinkageError} or other throwable from the query becomes {@link CudaAvailability.Unavailable} and the query is
 * never run again by this probe. Only errors of the JVM itself (out of memory, stack overflow) propagate.
 */
public final class CudaProbe {

    /** Loads the CUDA libraries and queries the device; may throw anything, including {@link LinkageError}. */
    @FunctionalInterface
    public interface Query {
        CudaAvailability run() throws Exception;
    }

    private final Query query;
    private CudaAvailability answer;

    public CudaProbe(Query query) {
        this.query = query;
    }

    public synchronized CudaAvailability result() {
        if (answer == null) answer = ask();
        return answer;
    }

    private CudaAvailability ask() {
        try {
            CudaAvailability a = query.run();
            if (a == null) return new CudaAvailability.Unavailable("the device query returned nothing");
            return a;
        } catch (VirtualMachineError e) {
            throw e;
        } catch (UnsatisfiedLinkError e) {
            return new CudaAvailability.Unavailable("CUDA libraries could not be loaded (" + firstLine(e)
                    + "); install the NVIDIA driver (libcuda.so.1) or use --backend cpu");
        } catch (Throwable e) {
            return new CudaAvailability.Unavailable(e.getClass().getSimpleName() + ": " + firstLine(e));
        }
    }

    /** The first line of the message, followed by those of its causes (JavaCPP wraps the loader's real complaint). */
    private static String firstLine(Throwable e) {
        StringBuilder b = new StringBuilder();
        for (Throwable t = e; t != null && b.length() < 600; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage() == null ? t.getClass().getName() : t.getMessage();
            int nl = m.indexOf('\n');
            if (!b.isEmpty()) b.append(" <- ");
            b.append(nl < 0 ? m : m.substring(0, nl));
        }
        return b.toString();
    }
}
