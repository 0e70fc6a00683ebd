#!/usr/bin/env bash
# Start-up time and idle memory of the embedded default (see docs/benchmarks.md).
# Usage: scripts/startup-benchmark.sh [runs] [extra JVM options...]   (after: mvn -DskipTests package)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
jar=$(ls target/govit-*.jar | grep -v original | head -1)
data=$(mktemp -d /tmp/govit-bench-XXXX)
port=18181
for i in $(seq 1 "$runs"); do
  s=$(date +%s%N)
  java "$@" -jar "$jar" --govit.data-dir="$data" --server.port=$port > "$data/run-$i.log" 2>&1 &
  app=$!
  until curl -fs "localhost:$port/actuator/health" >/dev/null 2>&1; do sleep 0.05; done
  e=$(date +%s%N)
  started=$(grep -o 'Started GovItApplication in [0-9.]* seconds' "$data/run-$i.log" || true)
  sleep 30
  java_rss=$(ps -o rss= -p $app | tr -d ' ')
  pg=$(pgrep -f "$data/pg" | head -1)
  pg_rss=$(( $(ps -o rss= -p "$pg") + $(ps -o rss= --ppid "$pg" | awk '{s+=$1} END {print s+0}') ))
  echo "run $i: healthy after $(( (e - s) / 1000000 )) ms ($started); idle RSS java $((java_rss / 1024)) MB, postgres $((pg_rss / 1024)) MB"
  kill $app; wait $app 2>/dev/null || true
  sleep 2
done
rm -rf "$data"
