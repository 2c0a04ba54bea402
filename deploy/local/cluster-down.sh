#!/usr/bin/env bash
# `npm run cluster:down`: stops the controllers and the executor `npm run cluster` started. ZooKeeper, dockerd and the
# sample app's container are left alone: the executor leaves containers running when it stops, as Drove's does.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state="$repo/.local/cluster"
for name in executor controller-2 controller; do
  pidfile="$state/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    kill "$(cat "$pidfile")"
    for _ in $(seq 1 20); do kill -0 "$(cat "$pidfile")" 2>/dev/null || break; sleep 0.5; done
    echo "cluster: $name stopped"
  else
    echo "cluster: $name was not running"
  fi
  rm -f "$pidfile"
done
