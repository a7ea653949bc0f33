#!/usr/bin/env bash
# Intake throughput and latency: a real server process (H2 file or PostgreSQL) and a separate load-client process
# posting signed real payloads. Usage: scripts/bench-intake.sh h2|postgres [TOTAL] [CONNECTIONS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
DB="${1:-h2}"; TOTAL="${2:-30000}"; CONNECTIONS="${3:-32}"
PORT=18777
SECRET="bench-secret-$(date +%s)"
WORK="$(mktemp -d)"
trap 'if [[ "${SERVER_PID:-0}" -gt 0 ]]; then kill "$SERVER_PID" 2>/dev/null || true; wait 2>/dev/null || true; fi; rm -rf "$WORK"' EXIT

./mvnw -B -q -o -DskipTests package >/dev/null
./mvnw -B -q -o -pl webhooks test-compile dependency:build-classpath -Dmdep.outputFile="$WORK/cp.txt" -Dmdep.includeScope=test >/dev/null

# The pull_request "opened" example from Octokit's webhook examples: a real 20-30 KB payload.
FIXTURES="${SEEKFIX_FIXTURES:-$ROOT/../shared/fixtures}"
python3 - "$FIXTURES/github/webhooks-examples-api.github.com.json" "$WORK/payload.json" <<'PY'
import json, sys
events = json.load(open(sys.argv[1]))
pr = next(e for e in events if e["name"] == "pull_request")
example = next(x for x in pr["examples"] if x.get("action") == "opened")
open(sys.argv[2], "w").write(json.dumps(example))
PY

ENV=(${EXTRA_ENV:-} SEEKFIX_PORT=$PORT SEEKFIX_HOST=127.0.0.1 SEEKFIX_WEBHOOK_SECRET="$SECRET" SEEKFIX_DATA_DIR="$WORK/data" SEEKFIX_LOG_LEVEL=WARN)
if [[ "$DB" == postgres ]]; then
  SCHEMA="bench_$(date +%s)"
  psql -h 127.0.0.1 -U postgres -q -c "CREATE DATABASE seekfix_test" 2>/dev/null || true
  psql -h 127.0.0.1 -U postgres -d seekfix_test -q -c "CREATE SCHEMA $SCHEMA"
  ENV+=(SEEKFIX_DB_URL="jdbc:postgresql://127.0.0.1:5432/seekfix_test?currentSchema=$SCHEMA" SEEKFIX_DB_USER=postgres)
fi
env "${ENV[@]}" "$JAVA_HOME/bin/java" --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED -XX:+UseZGC ${SERVER_JAVA_OPTS:-} \
  -cp "bot/target/seekfix-bot.jar:bot/target/lib/*" dev.seekfix.webhooks.IntakeMain >"$WORK/server.log" 2>&1 &
SERVER_PID=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null && break; sleep 0.5; done
curl -sf "http://127.0.0.1:$PORT/readyz" >/dev/null || { cat "$WORK/server.log"; exit 1; }

echo "load: $(uptime | sed 's/.*load average/load average/')" >&2
"$JAVA_HOME/bin/java" -cp "webhooks/target/test-classes:webhooks/target/classes:$(cat "$WORK/cp.txt")" \
  dev.seekfix.webhooks.bench.IntakeLoadClient "http://127.0.0.1:$PORT/webhooks/github" "$SECRET" "$WORK/payload.json" \
  pull_request "$TOTAL" "$CONNECTIONS"
# How long the queue takes to work off the backlog afterwards (the handler is the logging handler).
START=$(date +%s)
for _ in $(seq 1 900); do
  LEFT=$(curl -s "http://127.0.0.1:$PORT/metrics" | awk '/^seekfix_queue_depth /{print int($2)}' || true)
  if [[ "${LEFT:-1}" == 0 ]]; then break; fi
  sleep 1
done
echo "{\"queue_drained_after_s\":$(( $(date +%s) - START ))}"
kill "$SERVER_PID"; wait "$SERVER_PID" 2>/dev/null || true; SERVER_PID=0
if [[ "$DB" == postgres ]]; then psql -h 127.0.0.1 -U postgres -d seekfix_test -q -c "DROP SCHEMA $SCHEMA CASCADE"; fi
