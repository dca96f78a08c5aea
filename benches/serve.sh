#!/usr/bin/env bash
# Load benchmark of `tipnav serve` on loopback (issue 18): wrk POSTs a case to /api/eval for a
# fixed time over a few connections; prints requests per second and latency percentiles.
# Needs wrk (Debian: apt-get install wrk). Builds the dist profile unless TIPNAV is given.
#   benches/serve.sh [SECONDS] [CONNECTIONS] [PATH]
# PATH defaults to the conclusions (`api/eval?summary=true`); `api/eval` is the full report.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-10}"
connections="${2:-8}"
path="${3:-api/eval?summary=true}"
if [ -z "${TIPNAV:-}" ]; then
  cargo build --quiet --profile dist
  TIPNAV="${CARGO_TARGET_DIR:-target}/dist/tipnav"
fi
out="$(mktemp)"
"$TIPNAV" serve > "$out" &
server=$!
trap 'kill "$server" 2>/dev/null; rm -f "$out"' EXIT
for _ in $(seq 50); do grep -q "serving on" "$out" && break; sleep 0.1; done
url="$(sed -n 's/^tipnav serving on //p' "$out")"
# The loopback address only, bounded in time: wrk stops by itself.
wrk --latency -t 2 -c "$connections" -d "${seconds}s" -s benches/serve-eval.lua "${url}${path}"
