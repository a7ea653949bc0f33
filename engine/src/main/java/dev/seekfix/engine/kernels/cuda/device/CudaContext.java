package dev.seekfix.engine.kernels.cuda.device;

import dev.seekfix.engine.kernels.cuda.CudaDevice;
import dev.seekfix.engine.kernels.cuda.plan.CubinCache;
import dev.seekfix.engine.kernels.cuda.plan.Kernel;
import dev.seekfix.engine.kernels.cuda.plan.LaunchGeometry;
import dev.seekfix.engine.kernels.cuda.plan.NvrtcOptions;
import org.bytedeco.cuda.cudart.CUgraphExec_st;
import org.bytedeco.cuda.cudart.CUgraph_st;
import org.bytedeco.cuda.cudart.CUstream_st;
import org.bytedeco.cuda.global.cudart;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.IntPointer;

import java.lang.foreign.MemorySegment;

/**
 * The device, its primary context (made current by the runtime), one stream, the loaded kernels and a cuBLAS
 * handle. Only classic runtime/driver calls are used: the 13.1 presets run against CUDA 13.0's libcudart, where
 * newer functions are missing and calling one aborts the JVM (BUILD.md). Thread-confined.
 */
public final class CudaContext implements AutoCloseable {

    private final CudaDevice device;
    private final CUstream_st stream = new CUstream_st();
    private final KernelModules modules;
    private HalfGemm gemm;
    private Thread bound;
    private boolean closed;

    public CudaContext(CudaDevice device, CubinCache cache) {
        this.device = device;
        CudaCheck.runtime(cudart.cudaSetDevice(device.ordinal()), "cudaSetDevice(" + device.ordinal() + ")");
        CudaCheck.runtime(cudart.cudaFree(null), "cudaFree(null) (context creation)");
        CudaCheck.runtime(cudart.cudaStreamCreate(stream), "cudaStreamCreate");
        bound = Thread.currentThread();
        this.modules = new KernelModules(NvrtcOptions.forComputeCapability(device.computeMajor(), device.computeMinor()), cache);
    }

    public CudaDevice device() { return device; }

    public DeviceBuffer allocate(long bytes, String what) {
        bind();
        return DeviceBuffer.allocate(bytes, what);
    }

    /**
     * Makes the device's primary context current on the calling thread: the driver calls (module loads, launches) need
     * it, and a model may be created on one thread and run on another (a queue worker).
     */
    private void bind() {
        Thread t = Thread.currentThread();
        if (t != bound) {
            CudaCheck.runtime(cudart.cudaSetDevice(device.ordinal()), "cudaSetDevice(" + device.ordinal() + ") on " + t.getName());
            bound = t;
        }
    }

    public void launch(Kernel kernel, LaunchGeometry g, KernelArgs args) {
        bind();
        try (args) {
            CudaCheck.driver(cudart.cuLaunchKernel(modules.function(kernel), g.gridX(), g.gridY(), g.gridZ(), g.blockX(),
                    g.blockY(), g.blockZ(), g.sharedBytes(), stream, args.params(), null), "cuLaunchKernel(" + kernel.symbol() + ")");
        }
    }

    /** Copies host memory (a mapped file region, an arena segment) to the device. */
    public void upload(MemorySegment src, long dstAddress) {
        bind();
        if (!src.isNative()) { // a heap segment has no address the driver can read
            try (java.lang.foreign.Arena arena = java.lang.foreign.Arena.ofConfined()) {
                upload(arena.allocate(src.byteSize(), 256).copyFrom(src), dstAddress);
            }
            return;
        }
        long n = src.byteSize();
        CudaCheck.runtime(cudart.cudaMemcpy(new DevicePointer(dstAddress, n), new DevicePointer(src.address(), n), n,
                cudart.cudaMemcpyHostToDevice), "cudaMemcpy host→device (" + n + " B)");
    }

    public void upload(float[] src, int offset, int n, long dstAddress) {
        bind();
        try (FloatPointer p = new FloatPointer(n)) {
            p.put(src, offset, n);
            CudaCheck.runtime(cudart.cudaMemcpyAsync(new DevicePointer(dstAddress, 4L * n), p, 4L * n,
                    cudart.cudaMemcpyHostToDevice, stream), "cudaMemcpyAsync host→device");
            synchronize(); // p is freed on return
        }
    }

    public void upload(int[] src, int n, long dstAddress) {
        bind();
        try (IntPointer p = new IntPointer(n)) {
            p.put(src, 0, n);
            CudaCheck.runtime(cudart.cudaMemcpyAsync(new DevicePointer(dstAddress, 4L * n), p, 4L * n,
                    cudart.cudaMemcpyHostToDevice, stream), "cudaMemcpyAsync host→device");
            synchronize();
        }
    }

    public void download(long srcAddress, float[] dst, int offset, int n) {
        bind();
        try (FloatPointer p = new FloatPointer(n)) {
            CudaCheck.runtime(cudart.cudaMemcpyAsync(p, new DevicePointer(srcAddress, 4L * n), 4L * n,
                    cudart.cudaMemcpyDeviceToHost, stream), "cudaMemcpyAsync device→host");
            synchronize();
            p.get(dst, offset, n);
        }
    }

    public void download(long srcAddress, int[] dst, int n) {
        bind();
        try (IntPointer p = new IntPointer(n)) {
            CudaCheck.runtime(cudart.cudaMemcpyAsync(p, new DevicePointer(srcAddress, 4L * n), 4L * n,
                    cudart.cudaMemcpyDeviceToHost, stream), "cudaMemcpyAsync device→host");
            synchronize();
            p.get(dst, 0, n);
        }
    }

    /** Fills bytes with a byte value (0xFF per byte makes every float a NaN: tests poison outputs with it). */
    public void fill(long address, long bytes, int value) {
        CudaCheck.runtime(cudart.cudaMemsetAsync(new DevicePointer(address, bytes), value, bytes, stream), "cudaMemsetAsync");
    }

    public void copy(long srcAddress, long dstAddress, long bytes) {
        CudaCheck.runtime(cudart.cudaMemcpyAsync(new DevicePointer(dstAddress, bytes), new DevicePointer(srcAddress, bytes),
                bytes, cudart.cudaMemcpyDeviceToDevice, stream), "cudaMemcpyAsync device→device");
    }

    public void synchronize() {
        CudaCheck.runtime(cudart.cudaStreamSynchronize(stream), "cudaStreamSynchronize");
    }

    /** cuBLAS half-precision products on this context's stream, created on first use. */
    public HalfGemm gemm() {
        if (gemm == null) gemm = new HalfGemm(stream);
        return gemm;
    }

    /** A captured sequence of launches, replayed with one call (CUDA graphs: decode without per-kernel launch cost). */
    public final class Graph implements AutoCloseable {
        private final CUgraph_st graph = new CUgraph_st();
        private final CUgraphExec_st exec = new CUgraphExec_st();

        private Graph(Runnable launches) {
            CudaCheck.runtime(cudart.cudaStreamBeginCapture(stream, cudart.cudaStreamCaptureModeThreadLocal), "cudaStreamBeginCapture");
            try {
                launches.run();
            } catch (RuntimeException e) {
                cudart.cudaStreamEndCapture(stream, graph);
                throw e;
            }
            CudaCheck.runtime(cudart.cudaStreamEndCapture(stream, graph), "cudaStreamEndCapture");
            CudaCheck.runtime(cudart.cudaGraphInstantiate(exec, graph, 0L), "cudaGraphInstantiate");
        }

        public void launch() {
            CudaCheck.runtime(cudart.cudaGraphLaunch(exec, stream), "cudaGraphLaunch");
        }

        @Override
        public void close() {
            cudart.cudaGraphExecDestroy(exec);
            cudart.cudaGraphDestroy(graph);
        }
    }

    public Graph capture(Runnable launches) {
        bind();
        return new Graph(launches);
    }

    /** Milliseconds the stream takes to run {@code work} (CUDA events around it). */
    public float time(Runnable work) {
        org.bytedeco.cuda.cudart.CUevent_st start = new org.bytedeco.cuda.cudart.CUevent_st();
        org.bytedeco.cuda.cudart.CUevent_st stop = new org.bytedeco.cuda.cudart.CUevent_st();
        CudaCheck.runtime(cudart.cudaEventCreate(start), "cudaEventCreate");
        CudaCheck.runtime(cudart.cudaEventCreate(stop), "cudaEventCreate");
        try {
            CudaCheck.runtime(cudart.cudaEventRecord(start, stream), "cudaEventRecord");
            work.run();
            CudaCheck.runtime(cudart.cudaEventRecord(stop, stream), "cudaEventRecord");
            CudaCheck.runtime(cudart.cudaEventSynchronize(stop), "cudaEventSynchronize");
            float[] ms = new float[1];
            CudaCheck.runtime(cudart.cudaEventElapsedTime(ms, start, stop), "cudaEventElapsedTime");
            return ms[0];
        } finally {
            cudart.cudaEventDestroy(start);
            cudart.cudaEventDestroy(stop);
        }
    }

    @Override
    public void close() {
        if (closed) return;
        closed = true;
        bind();
        if (gemm != null) gemm.close();
        modules.close();
        cudart.cudaStreamDestroy(stream);
    }

}
