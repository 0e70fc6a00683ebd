#!/usr/bin/env bash
# Start-up time and idle memory of the embedded default with demo data (docs/benchmarks.md, "Start-up and idle memory").
#
# Usage (after `mvn -DskipTests package`):
#   scripts/startup-benchmark.sh [runs] [JVM options...]
# Environment:
#   JAR=path/to/govit-*.jar   the jar to start (default: target/govit-*.jar)
#   MODE=jar                  `java [options] -jar $JAR` (what the README's `java -jar` line starts)
#   MODE=run                  `scripts/run.sh` with GOVIT_JVM_OPTS set to the JVM options: the extracted jar and a class
#                             data sharing archive (recorded before the first run, not timed)
#   IDLE=30                   seconds to wait after health is UP before memory is read
#   PORT=18181
#   DATA=dir                  restart on this existing data folder only (no first start; the folder is kept)
#
# One data folder: run 0 is the first start on an empty folder (initdb, Flyway migrations, demo data); runs 1..N are
# restarts on that folder. Each run is timed from the launch of `java` until GET /actuator/health answers 200 (UP;
# health stays 503 until the application is ready, i.e. after the demo data runners), and the JVM's CPU time until
# then is read from /proc/<pid>/stat.
#
# Idle memory = JVM RSS + PostgreSQL PSS. The JVM is one process, its RSS is its memory. The embedded PostgreSQL is a
# postmaster, its background processes and one backend per pooled connection (16 in all) that share its shared buffers and binaries: their RSS counts those pages once per process
# (overstated), their PSS (/proc/<pid>/smaps_rollup) divides each shared page among the processes that map it, so the
# PSS sum of postmaster + children is what the server really occupies.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-3}; shift || true
jar=${JAR:-$(ls target/govit-*.jar | grep -v original | head -1)}
mode=${MODE:-jar}
idle=${IDLE:-30}
port=${PORT:-18181}
work=$(mktemp -d /tmp/govit-startup-XXXX)
data=${DATA:-$work/data}
first=$([ -n "${DATA:-}" ] && echo 1 || echo 0)
app=

cleanup() {
  if [ -n "$app" ] && kill -0 "$app" 2>/dev/null; then kill "$app"; wait "$app" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

kb() { awk -v k="$2" '$1 == k":" {print $2}' "/proc/$1/$3" 2>/dev/null || echo 0; }
mb() { echo $(( ($1 + 512) / 1024 )); }

launch=(java)
case "$mode" in
  jar) launch+=("$@" -jar "$jar") ;;
  run)
    JAR="$jar" GOVIT_JVM_OPTS="$*" scripts/run.sh --prepare
    launch=(env JAR="$jar" GOVIT_JVM_OPTS="$*" scripts/run.sh) ;;
  *) echo "MODE must be jar or run" >&2; exit 2 ;;
esac
echo "$(date -u +%FT%TZ) $(uptime | sed 's/.*load/load/') | ${launch[*]}"

for i in $(seq "$first" "$runs"); do
  log="$work/run-$i.log"
  s=$(date +%s%N)
  "${launch[@]}" --govit.data-dir="$data" --server.port=$port > "$log" 2>&1 &
  app=$!
  until curl -fs -o /dev/null "localhost:$port/actuator/health"; do
    kill -0 "$app" 2>/dev/null || { echo "run $i: the application exited"; tail -30 "$log"; exit 1; }
    sleep 0.05
  done
  e=$(date +%s%N)
  # CPU seconds the JVM spent until UP: on a shared machine wall time follows the load, CPU time much less so
  cpu=$(awk -v t="$(getconf CLK_TCK)" '{printf "%.1f", ($14 + $15) / t}' "/proc/$app/stat")
  started=$(grep -o 'Started GovItApplication in [0-9.]* seconds' "$log" | grep -o '[0-9.]* seconds' || echo '?')
  sleep "$idle"
  java_rss=$(kb $app VmRSS status)
  java_pss=$(kb $app Pss smaps_rollup)
  pm=$(awk 'NR == 1' "$data/pg/postmaster.pid")
  pg_rss=0; pg_pss=0; n=0
  for p in $pm $(ps -o pid= --ppid "$pm"); do
    pg_rss=$(( pg_rss + $(kb "$p" VmRSS status) )); pg_pss=$(( pg_pss + $(kb "$p" Pss smaps_rollup) )); n=$((n + 1))
  done
  what=$([ "$i" = 0 ] && echo "first start (empty folder)" || echo "restart $i")
  echo "$what: UP after $(( (e - s) / 1000000 )) ms (Started in $started, JVM CPU ${cpu} s) | idle: java RSS $(mb $java_rss) MB" \
    "(PSS $(mb $java_pss)), PostgreSQL PSS $(mb $pg_pss) MB over $n processes (RSS sum $(mb $pg_rss))" \
    "| total $(mb $(( java_rss + pg_pss ))) MB"
  kill "$app"; wait "$app" 2>/dev/null || true; app=
  sleep 2
done
