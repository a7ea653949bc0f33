#!/usr/bin/env bash
# The CUDA backend's device check, for a GPU machine with no network and maybe no JDK (issue 6):
#   1. unpacks the jlinked JDK 25 runtime and the fixtures from the bundle made by scripts/device-pack.sh,
#   2. probes the device (name, memory, compute capability — or "no device: <reason>"),
#   3. runs the cuda-tagged tests (every kernel vs the scalar oracle; fixture models vs llama.cpp and the CPU engine),
#   4. runs the engine CLI with --backend cuda (init-random, logits vs cpu, bench) on a small Lite-shaped model,
#   5. benchmarks batch-1 decode and 512-token prefill on random-weight Coder-V2-Lite-shaped models (BF16, Q8_0)
#      next to the memory-bandwidth bound,
#   6. prints a short table last.
# Usage: scripts/device-check.sh [BUNDLE_DIR]   (default: this script's directory if it holds the bundle, else
#        target/device-bundle). Work files go to $DEVICE_CHECK_WORK (default /tmp/seekfix-device-check).
# Environment: BENCH_TYPES="BF16 Q8_0", BENCH_LAYERS=27, DEADLINE_S=540 (whole run), TEST_TIMEOUT=240,
#        CLI_TIMEOUT=120 (per CLI call), BENCH_TIMEOUT=180 (per type); a step never runs past the deadline.
# Exit status: 0 everything passed; 1 a test or benchmark failed; 2 no usable CUDA device (tests skipped).
set -uo pipefail
deadline=${DEADLINE_S:-540}   # whole check, so the table is printed inside a 10-minute device command
# seconds a step may take: its own limit, or what is left before the deadline (20 s kept for the table)
allow() { local left=$((deadline - SECONDS - 20)); (( left < $1 )) && echo $(( left > 0 ? left : 1 )) || echo "$1"; }
here=$(cd "$(dirname "$0")" && pwd)
if [[ $# -ge 1 ]]; then bundle=$(cd "$1" && pwd)
elif [[ -f "$here/jrt.tar.gz" ]]; then bundle=$here
else bundle=$(cd "$here/.." && pwd)/target/device-bundle; fi
[[ -f "$bundle/jrt.tar.gz" ]] || { echo "no bundle at $bundle: run scripts/device-pack.sh first" >&2; exit 1; }

work=${DEVICE_CHECK_WORK:-${TMPDIR:-/tmp}/seekfix-device-check}   # outside the bundle: it grows (model, caches)
mkdir -p "$work"
[[ -x "$work/jrt/bin/java" ]] || tar -xzf "$bundle/jrt.tar.gz" -C "$work"
if [[ -f "$bundle/fixtures.tar.gz" && ! -d "$work/fixtures/engine" ]]; then
    mkdir -p "$work/fixtures" && tar -xzf "$bundle/fixtures.tar.gz" -C "$work/fixtures"
fi
java=$work/jrt/bin/java
# the presets link the system's CUDA 13 libraries (libcudart/libnvrtc/libcublas.so.13); find them where ldconfig may not
for d in /usr/local/cuda/lib64 /usr/local/cuda/targets/x86_64-linux/lib /usr/local/cuda-13.0/lib64; do
    [[ -d "$d" ]] && export LD_LIBRARY_PATH="$d${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
done
flags=(--add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -Xss4m -Xmx8g
       -Dorg.bytedeco.javacpp.cachedir="$work/javacpp" -Dseekfix.fixtures="$work/fixtures")
export SEEKFIX_DATA_DIR=$work/data   # NVRTC CUBIN cache: $SEEKFIX_DATA_DIR/cuda-cache
cp="$bundle/lib/*"
types=${BENCH_TYPES:-BF16 Q8_0}
layers=${BENCH_LAYERS:-27}

echo "== java: $("$java" -version 2>&1 | head -1)"
command -v nvidia-smi >/dev/null && nvidia-smi --query-gpu=name,memory.total,driver_version,compute_cap --format=csv,noheader
echo "== probe"
probe=$("$java" "${flags[@]}" -cp "$cp" dev.seekfix.engine.kernels.cuda.CudaBackend 2>&1)
probe_status=$?
probe=$(tail -1 <<<"$probe")
echo "$probe"

echo "== cuda-tagged tests"
timeout "$(allow "${TEST_TIMEOUT:-240}")" "$java" "${flags[@]}" -cp "$cp" dev.seekfix.engine.kernels.cuda.DeviceCheckLauncher cuda \
    2>&1 | tee "$work/tests.log"
test_status=${PIPESTATUS[0]}
tests=$(grep '^TESTS ' "$work/tests.log" | tail -1)

echo "== CLI: seekfix engine init-random / logits / bench --backend cuda (2-layer Coder-V2-Lite shapes, Q8_0)"
engine() { timeout "$(allow "${CLI_TIMEOUT:-120}")" "$java" "${flags[@]}" -cp "$cp" dev.seekfix.engine.cli.EngineCommand "$@"; }
small=$work/lite-2layers-q8_0.gguf
cli="skipped"
if [[ -f "$small" ]] || engine init-random --like coder-v2-lite --layers 2 --vocab 4096 --type Q8_0 --out "$small"; then
    engine logits --model "$small" --tokens 1,2,3,4 --top 3 --backend cpu | tee "$work/cli-logits-cpu.json"
    if engine logits --model "$small" --tokens 1,2,3,4 --top 3 --backend cuda 2>"$work/cli-cuda.err" | tee "$work/cli-logits-cuda.json"; then
        engine bench --model "$small" --backend cuda --prompt-tokens 64 --gen-tokens 16 --reps 1 | tee "$work/cli-bench.json"
        cli="cpu $(tr -d ' \n' <"$work/cli-logits-cpu.json" | head -c 120) | cuda $(tr -d ' \n' <"$work/cli-logits-cuda.json" | head -c 120) | bench $(tr -d ' \n' <"$work/cli-bench.json" | head -c 160)"
    else
        cli="--backend cuda refused: $(grep -m1 -i 'cuda' "$work/cli-cuda.err")"
    fi
else
    cli="init-random failed"
fi

bench_lines=()
bench_failed=0
for t in $types; do
    echo "== benchmark $t ($layers layers, random weights on the device)"
    timeout "$(allow "${BENCH_TIMEOUT:-180}")" "$java" "${flags[@]}" -cp "$cp" dev.seekfix.engine.kernels.cuda.model.DeviceBenchmark \
        --type "$t" --layers "$layers" --prompt-tokens 512 --gen-tokens 64 --reps 3 2>&1 | tee "$work/bench-$t.log"
    s=${PIPESTATUS[0]}
    line=$(grep '^BENCH ' "$work/bench-$t.log" | tail -1)
    [[ -n "$line" ]] || line="BENCH type=$t status=failed($s)"
    [[ $s -eq 0 || $s -eq 2 ]] || bench_failed=1
    bench_lines+=("$line")
done

field() { sed -n "s/.* $1=\\([^ ]*\\).*/\\1/p" <<<" $2"; }
echo
echo "================ device check ================"
printf '%-14s %s\n' "device" "${probe:0:160}"
printf '%-14s %s (exit %s)\n' "cuda tests" "${tests:-no summary}" "$test_status"
printf '%-14s %s\n' "engine CLI" "${cli:0:400}"
printf '%-8s %9s %10s %10s %10s %9s %9s\n' "bench" "weightsGB" "prefill/s" "decode/s" "bound/s" "fraction" "copyGB/s"
for l in "${bench_lines[@]}"; do
    st=$(field status "$l")
    if [[ -n "$st" ]]; then printf '%-8s %s\n' "$(field type "$l")" "$st"; continue; fi
    printf '%-8s %9s %10s %10s %10s %9s %9s\n' "$(field type "$l")" "$(field weights_gb "$l")" "$(field prefill_tok_s "$l")" \
        "$(field decode_tok_s "$l")" "$(field bound_tok_s "$l")" "$(field fraction_of_bound "$l")" "$(field copy_gb_s "$l")"
done
if [[ $probe_status -ne 0 || "$probe" == no\ device* ]]; then
    echo "RESULT: no usable CUDA device here ($probe); cuda tests skipped, no benchmark"
    exit 2
fi
if [[ $test_status -ne 0 || $bench_failed -ne 0 ]]; then echo "RESULT: FAILED"; exit 1; fi
echo "RESULT: passed"
