#!/usr/bin/env bash
# API latency under load on loopback: p50/p99 of event queries over a whole store, with wrk
# (Debian package `wrk`), bounded runs (DURATION, default 20 s each) on 127.0.0.1 only.
# Usage: bench/api_latency.sh DB [SERVER_BIN]
#   DB          a dyade store (e.g. OrangeSum: dyade ingest ../shared/data/corpus/orangesum/orangesum.jsonl --db os.db)
#   SERVER_BIN  default target/release/dyade (`serve` subcommand); a path ending in
#               examples/serve is called as `serve DB ADDR`.
# Env: THREADS (wrk threads, 2), CONNS (connections, 16), DURATION (20s).
set -euo pipefail
DB="${1:?usage: api_latency.sh DB [SERVER_BIN]}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
BIN="${2:-$ROOT/target/release/dyade}"
THREADS="${THREADS:-2}" CONNS="${CONNS:-16}" DURATION="${DURATION:-20s}"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
LOG="$(mktemp)"
case "$BIN" in
  */examples/serve) "$BIN" "$DB" "127.0.0.1:$PORT" > "$LOG" 2>&1 & ;;
  *) "$BIN" serve --db "$DB" --addr "127.0.0.1:$PORT" > "$LOG" 2>&1 & ;;
esac
PID=$!
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -f "$LOG"' EXIT
for _ in $(seq 1 300); do curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break; sleep 0.1; done
BASE="http://127.0.0.1:$PORT"
curl -fsS "$BASE/api/meta" | python3 -c 'import json,sys; print("store:", json.load(sys.stdin)["counts"])'
TOP="$(curl -fsS "$BASE/api/top/actors?limit=1" | python3 -c 'import json,sys; i=json.load(sys.stdin)["items"]; print(i[0]["code"] if i else "RUS")')"
for path in "/api/events?limit=50" "/api/events?involving=$TOP&limit=50" "/api/events?quad=4&from=2018&limit=50" "/api/articles?q=gouvernement&limit=20"; do
  echo "== GET $path  (wrk -t$THREADS -c$CONNS -d$DURATION)"
  wrk -t"$THREADS" -c"$CONNS" -d"$DURATION" --latency "$BASE$path" | grep -E "Requests/sec|^\s+(50|90|99)%|Non-2xx|Socket errors"
done
