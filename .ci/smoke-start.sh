#!/usr/bin/env bash
# Starts the product as a newcomer would (`npm start`, no DATABASE_URL), waits until it is ready,
# checks the French demo data over GraphQL, stops it with Ctrl-C (SIGINT to the process group)
# and checks that nothing is left running.
set -euo pipefail
cd "$(dirname "$0")/.."
port=${SMOKE_PORT:-3999}
log=$(mktemp)
setsid env PORT="$port" npm start >"$log" 2>&1 &
pid=$!
trap 'kill -KILL -- "-$pid" 2>/dev/null || true' EXIT

ready=""
for _ in $(seq 1 240); do
  if curl -fsS "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then ready=yes; break; fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
if [ -z "$ready" ]; then
  echo "smoke: the app did not become ready"; cat "$log"; exit 1
fi

answer=$(curl -fsS "http://127.0.0.1:$port/graphql" -H 'content-type: application/json' \
  --data '{"query":"{ proposals(first: 50) { totalCount edges { node { title territory { level name } } } } consultations { title openPhases } }"}')
node -e '
  const body = JSON.parse(process.argv[1]);
  if (body.errors) throw new Error("GraphQL errors: " + JSON.stringify(body.errors));
  const { proposals, consultations } = body.data;
  if (proposals.totalCount < 30) throw new Error("expected at least 30 demo proposals, got " + proposals.totalCount);
  if (!proposals.edges.every((e) => e.node.territory.level === "COMMUNE")) throw new Error("demo proposals must sit in communes");
  if (!consultations.some((c) => c.openPhases.includes("PROPOSING"))) throw new Error("expected an open consultation");
  console.log("smoke: " + proposals.totalCount + " proposals, e.g. \u00ab" + proposals.edges[0].node.title + "\u00bb (" + proposals.edges[0].node.territory.name + ")");
' "$answer"
grep -q "http://localhost:$port" "$log" || { echo "smoke: the start did not print its URL"; cat "$log"; exit 1; }
grep -qi "participant@" "$log" || { echo "smoke: the demo credentials were not printed"; cat "$log"; exit 1; }

kill -INT -- "-$pid"
for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 1; done
if kill -0 "$pid" 2>/dev/null; then echo "smoke: npm start did not stop on Ctrl-C"; cat "$log"; exit 1; fi
trap - EXIT
sleep 1
# What this checkout started: its embedded PostgreSQL (by data folder) and its API (by working directory).
left=$(pgrep -f "$(pwd)/.data/pg" || true)
for p in $(pgrep -f "dist/api/main.js" || true); do
  [ "$(readlink "/proc/$p/cwd" 2>/dev/null)" = "$(pwd)" ] && left="$left $p"
done
left=$(echo $left)
if [ -n "$left" ]; then echo "smoke: processes left behind:"; ps -o pid,args -p $left; exit 1; fi
echo "smoke: npm start served demo data and stopped cleanly"
