#!/usr/bin/env bash
# The project's test command (README): builds and runs every test of the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo test --workspace --all-targets 2>&1
