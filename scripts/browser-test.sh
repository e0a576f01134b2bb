#!/usr/bin/env bash
# Browser tests of the web page: build dyade, ingest the seeds plus a malicious article into a
# temporary store, serve it on a free loopback port, drive headless Chromium with
# tests/browser/test.mjs (playwright-core), stop the server.
# Needs: Debian packages chromium (and chromium-driver for WebDriver users), node + npm.
# Env: SCREENSHOT_DIR=docs to refresh the README screenshots; CHROMIUM to override the browser.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
cd "$ROOT"
# SKIP_BUILD=1 reuses the binaries already built in target/debug.
[ -n "${SKIP_BUILD:-}" ] || cargo build -q -p dyade -p dyade-serve --examples --bins
BIN="$ROOT/target/debug/dyade"
TMP="$(mktemp -d)"
SERVER_PID=""
cleanup() { if [ -n "$SERVER_PID" ]; then kill "$SERVER_PID" 2>/dev/null || true; wait "$SERVER_PID" 2>/dev/null || true; fi; rm -rf "$TMP"; }
trap cleanup EXIT

# A hostile article: markup and event handlers in the text and in the title.
mkdir -p "$TMP/in"
cat > "$TMP/in/zz_malicious.txt" <<'TXT'
Moscou et Pyongyang <script>alert(1)</script> ont signé un accord, selon l'agence KCNA.
Le texte contenait aussi <img src=x onerror="window.__pwned=1;alert(2)"> et <b onmouseover=alert(3)>du gras</b>.
Vladimir Poutine a rencontré Kim Jong-un à Vladivostok le 13 septembre 2023.
TXT
cp "$SHARED/seeds/meta.jsonl" "$TMP/meta.jsonl"
echo '{"doc": "zz_malicious", "dct": "2023-09-14", "lang": "fr", "title": "<img src=x onerror=alert(4)> Titre", "source": "<script>alert(5)</script>"}' >> "$TMP/meta.jsonl"
"$BIN" ingest "$SHARED"/seeds/*.txt "$TMP/in/zz_malicious.txt" --meta "$TMP/meta.jsonl" --db "$TMP/t.db" --quiet


PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
if "$BIN" serve --help >/dev/null 2>&1; then
  "$BIN" serve --db "$TMP/t.db" --addr "127.0.0.1:$PORT" > "$TMP/serve.log" 2>&1 &
else
  "$ROOT/target/debug/examples/serve" "$TMP/t.db" "127.0.0.1:$PORT" > "$TMP/serve.log" 2>&1 &
fi
SERVER_PID=$!
for _ in $(seq 1 100); do
  curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null 2>&1 && break
  sleep 0.1
done
curl -fsS "http://127.0.0.1:$PORT/api/health" >/dev/null || { cat "$TMP/serve.log"; echo "server did not start"; exit 1; }

cd "$ROOT/tests/browser"
[ -d node_modules/playwright-core ] || npm install --no-audit --no-fund --silent
BASE_URL="http://127.0.0.1:$PORT" SCREENSHOT_DIR="${SCREENSHOT_DIR:+$(cd "$ROOT" && mkdir -p "$SCREENSHOT_DIR" && cd "$SCREENSHOT_DIR" && pwd)}" node test.mjs
