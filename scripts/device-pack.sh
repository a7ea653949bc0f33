#!/usr/bin/env bash
# Builds the bundle that scripts/device-check.sh runs on a GPU machine with no network and maybe no JDK:
#   target/device-bundle/
#     jrt.tar.gz        jlinked JDK 25 runtime (BUILD.md recipe + the modules JUnit and Jackson need)
#     lib/*.jar         the engine jar, its test classes, and their runtime/test dependencies (javacpp, cuda, junit…)
#     fixtures.tar.gz   the engine fixture models and llama.cpp references the cuda tests compare against
#     device-check.sh   the check itself
# and reports the sizes (everything must stay under 64 MiB to travel; aim for ~60 MB).
# Usage: scripts/device-pack.sh [OUT_DIR]     (JAVA_HOME defaults to /usr/lib/jvm/temurin-25-jdk-amd64)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:-$root/target/device-bundle}
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
fixtures=${SEEKFIX_FIXTURES:-$root/../shared/fixtures}
limit=$((64 * 1024 * 1024))

cd "$root"
echo "== building engine jar and test classes (offline)"
./mvnw -B -o -q -pl engine -am install -DskipTests
rm -rf "$out" && mkdir -p "$out/lib"
./mvnw -B -o -q -pl engine dependency:copy-dependencies -DincludeScope=test -DoutputDirectory="$out/lib" \
    -DexcludeArtifactIds=byte-buddy,json-schema-validator,itu,jackson-dataformat-yaml,snakeyaml,jmh-core,jopt-simple,commons-math3
cp engine/target/seekfix-engine-*.jar "$out/lib/"
(cd engine/target/test-classes && "$JAVA_HOME/bin/jar" cf "$out/lib/seekfix-engine-tests.jar" dev)

echo "== jlinking the runtime"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$JAVA_HOME/bin/jlink" --add-modules java.base,jdk.incubator.vector,jdk.unsupported,java.logging,jdk.zipfs \
    --compress zip-9 --strip-debug --no-header-files --no-man-pages --output "$tmp/jrt"
tar -czf "$out/jrt.tar.gz" -C "$tmp" jrt

echo "== fixtures from $fixtures"
if [[ -d "$fixtures/engine/models" ]]; then
    models=(ds2-micro-mla-F32 ds2-micro-legacy-F32 ds2-micro-mla-F16 ds2-micro-mla-BF16 ds2-micro-mla-Q8_0
            ds2-micro-mla-Q4_K_M ds2-k256-mla-Q4_K_M)
    files=()
    for m in "${models[@]}"; do
        files+=("engine/models/$m.gguf")
        for j in "$fixtures"/engine/ref/"$m"__*.json; do files+=("engine/ref/$(basename "$j")"); done
        for l in "$fixtures"/engine/ref/logits/"$m"__*.f32; do files+=("engine/ref/logits/$(basename "$l")"); done
    done
    tar -czf "$out/fixtures.tar.gz" -C "$fixtures" "${files[@]}"
else
    echo "   (no fixtures found: the model comparisons will skip on the device)"
fi
cp "$root/scripts/device-check.sh" "$out/"

echo "== bundle $out"
total=0
while read -r size name; do
    printf '%10d  %s\n' "$size" "${name#"$out"/}"
    total=$((total + size))
done < <(find "$out" -type f -printf '%s %p\n' | sort -k2)
printf 'total %d bytes (%.1f MB, limit 64 MiB)\n' "$total" "$(echo "$total / 1000000" | bc -l)"
if (( total > limit )); then
    echo "bundle exceeds 64 MiB: drop fixtures (fewer models) or jlink modules" >&2
    exit 1
fi
