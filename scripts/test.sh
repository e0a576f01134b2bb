#!/usr/bin/env bash
# The project's test command (README): every Rust test of the workspace (unit, integration,
# accuracy floors on ../shared, agreement with score.py), then the browser tests of the web page
# in headless Chromium (needs Debian's chromium and `npm ci` in tests/browser; .ci/run installs
# both).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets 2>&1
SKIP_BUILD= bash scripts/browser-test.sh
