#!/usr/bin/env bash
# Express and Fastify alternately (A B A B …) through the HTTP harness, on the same build and
# database: tests/benchmarks/http/fastify/rounds.sh <rounds> <tier> <database url> [log folder]
# Expects the build copy in tmp/fastify/dist (cp -r dist/api tmp/fastify/dist/api) and the
# Fastify entry built in tmp/fastify/entry/main.js (see main.ts). Summary: analyze.ts.
set -u
cd "$(dirname "$0")/../../../.."
ROUNDS=${1:-2}
TIER=${2:-M}
DB=${3:?database url}
OUT=${4:-tmp/fastify/logs}
SCENARIOS=${BENCH_SCENARIOS:-throughput,vote}
mkdir -p "$OUT"
for round in $(seq 1 "$ROUNDS"); do
  for variant in express fastify; do
    log="$OUT/$TIER-$round-$variant"
    entry=""
    if [ "$variant" = fastify ]; then entry=tmp/fastify/entry/main.js; fi
    echo "uptime before: $(uptime)" >"$log.log"
    BENCH_API_ENTRY=$entry BENCH_API_METER=$log.meter.json BENCH_API_DIST=tmp/fastify/dist \
      BENCH_DATABASE_URL=$DB BENCH_TIER=$TIER BENCH_SCENARIOS=$SCENARIOS \
      npx tsx tests/benchmarks/http/harness.ts >>"$log.log" 2>&1
    echo "rc=$?" >>"$log.log"
    echo "uptime after: $(uptime)" >>"$log.log"
    echo "$(date -u +%T) $TIER round $round $variant done: $(grep -c . "$log.log") lines"
  done
done
