package dev.seekfix.engine.runtime;

import dev.seekfix.engine.kernels.Kernels;

import java.util.Optional;

/**
 * One kernel backend the runtime can choose ({@code scalar}, {@code cpu}, and {@code cuda} once its module is
 * built in). A device backend plugs in by implementing this interface and listing its class in
 * {@code META-INF/services/dev.seekfix.engine.runtime.KernelFactory}; {@link KernelBackends#standard()} finds it.
 */
public interface KernelFactory {

    /** {@code scalar}, {@code cpu}, {@code cuda}: matches {@link dev.seekfix.engine.api.Backend} names. */
    String name();

    /** Why this backend cannot run here (no driver, no device), or empty when it can. Probed once, cheaply. */
    Optional<String> unusableReason();

    /** Kernels with {@code threads} CPU worker threads (0 = one per processor). */
    Kernels open(int threads);
}
