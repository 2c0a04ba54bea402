#!/usr/bin/env bash
# `npm run bench -- <name>` runs bench/<name>.bench.ts against the provisioned components.
# Each benchmark prints progress, then one JSON object as its last line.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
available=$(cd "$repo/bench" && { ls ./*.bench.ts 2>/dev/null || true; } | sed 's|^\./||; s|\.bench\.ts$||' | tr '\n' ' ')
name=${1:-}
if [ -z "$name" ] || [ ! -f "$repo/bench/$name.bench.ts" ]; then
  echo "usage: npm run bench -- <name>; available: ${available:-none yet}" >&2
  exit 2
fi
shift
bash "$repo/deploy/local/provision.sh" >&2
exec node --import tsx "$repo/bench/$name.bench.ts" "$@"
