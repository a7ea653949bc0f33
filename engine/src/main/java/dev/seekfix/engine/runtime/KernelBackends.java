package dev.seekfix.engine.runtime;

import dev.seekfix.engine.api.Backend;
import dev.seekfix.engine.api.EngineException;
import dev.seekfix.engine.kernels.Kernels;
import dev.seekfix.engine.kernels.cpu.CpuKernels;
import dev.seekfix.engine.kernels.scalar.ScalarKernels;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.ServiceLoader;

/**
 * The kernel backends built into this process and the rule that picks one: {@code SCALAR} and {@code CPU} as
 * asked; {@code CUDA} only when a CUDA backend is present and usable (else a clear error); {@code AUTO} takes
 * CUDA when it is usable and otherwise the CPU, and says why in {@link Choice#reason()}.
 */
public record KernelBackends(List<KernelFactory> factories) {

    /** Which backend runs and why. */
    public record Choice(KernelFactory factory, String reason) {
    }

    public KernelBackends {
        factories = List.copyOf(factories);
    }

    /** scalar and cpu, plus every backend found on the class path (the CUDA module registers itself). */
    public static KernelBackends standard() {
        List<KernelFactory> all = new ArrayList<>(List.of(new Scalar(), new Cpu()));
        for (KernelFactory f : ServiceLoader.load(KernelFactory.class)) {
            if (all.stream().noneMatch(k -> k.name().equals(f.name()))) all.add(f);
        }
        return new KernelBackends(all);
    }

    /** The same backends, each one's kernels passed through {@code wrap} when opened (timing, for one). */
    public KernelBackends wrapped(UnaryOperator<Kernels> wrap) {
        List<KernelFactory> out = new ArrayList<>();
        for (KernelFactory f : factories) {
            out.add(new KernelFactory() {
                @Override public String name() { return f.name(); }
                @Override public Optional<String> unusableReason() { return f.unusableReason(); }
                @Override public Kernels open(int threads) { return wrap.apply(f.open(threads)); }
            });
        }
        return new KernelBackends(out);
    }

    public Optional<KernelFactory> named(String name) {
        return factories.stream().filter(f -> f.name().equals(name)).findFirst();
    }

    public Choice select(Backend requested) {
        return switch (requested) {
            case SCALAR -> new Choice(require("scalar"), "scalar reference kernels (asked for)");
            case CPU -> new Choice(require("cpu"), "cpu Vector API kernels (asked for)");
            case CUDA -> {
                KernelFactory cuda = named("cuda").orElseThrow(() -> new EngineException(
                        "backend CUDA was asked for but this build has no CUDA backend; use --backend cpu or AUTO"));
                Optional<String> why = cuda.unusableReason();
                if (why.isPresent()) {
                    throw new EngineException("backend CUDA was asked for but cannot run here: " + why.get()
                            + "; use --backend cpu or AUTO");
                }
                yield new Choice(cuda, "cuda (asked for)");
            }
            case AUTO -> {
                Optional<KernelFactory> cuda = named("cuda");
                if (cuda.isEmpty()) {
                    yield new Choice(require("cpu"), "cpu (AUTO: this build has no CUDA backend)");
                }
                Optional<String> why = cuda.get().unusableReason();
                yield why.isEmpty() ? new Choice(cuda.get(), "cuda (AUTO: a CUDA device is usable)")
                        : new Choice(require("cpu"), "cpu (AUTO: CUDA not usable: " + why.get() + ")");
            }
        };
    }

    /** Parses a CLI name (cpu, cuda, scalar, auto) into a {@link Backend}. */
    public static Backend parse(String name) {
        try {
            return Backend.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new EngineException("unknown backend '" + name + "'; expected auto, cpu, cuda or scalar");
        }
    }

    private KernelFactory require(String name) {
        return named(name).orElseThrow(() -> new EngineException("backend " + name + " is not built in"));
    }

    private record Scalar() implements KernelFactory {
        @Override public String name() { return "scalar"; }
        @Override public Optional<String> unusableReason() { return Optional.empty(); }
        @Override public Kernels open(int threads) { return new ScalarKernels(); }
    }

    private record Cpu() implements KernelFactory {
        @Override public String name() { return "cpu"; }
        @Override public Optional<String> unusableReason() { return Optional.empty(); }
        @Override public Kernels open(int threads) { return new CpuKernels(threads); }
    }
}
