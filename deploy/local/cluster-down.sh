#!/usr/bin/env bash
# `npm run cluster:down [-- options]`: stops what `npm run cluster` started, and nothing else:
#   1. the executor and the two controllers (pids in .local/cluster/);
#   2. the containers of that executor: the ones whose `drove.instance.info` label carries its executor id (other
#      executors' containers and non-Drove containers are never touched);
#   3. ZooKeeper and dockerd, only if provision.sh had to start them for `cluster` (.local/cluster/started-services);
#      a ZooKeeper or dockerd that was already running is left alone.
# Options: --keep-containers (skip 2: a later `cluster` recovers them), --keep-services (skip 3).
# Idempotent. Exit status: 0 when all of it is stopped (or was not running), 1 when something could not be, 2 on
# a usage error. Environment: DROVE_LOCAL_DIR as for cluster.sh.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state="${DROVE_LOCAL_DIR:-$repo/.local}/cluster"
keep_containers=0
keep_services=0
for arg in "$@"; do
  case $arg in
    --keep-containers) keep_containers=1 ;;
    --keep-services) keep_services=1 ;;
    *)
      echo "usage: cluster-down.sh [--keep-containers] [--keep-services]" >&2
      exit 2
      ;;
  esac
done

status=0
say() { echo "cluster: $*"; }
problem() {
  echo "cluster: $*" >&2
  status=1
}

# Succeeds when pid $1 is alive and its command line contains $2: a pid file outliving its process must not make
# this signal whatever process reuses the number.
is_ours() { [ -r "/proc/$1/cmdline" ] && tr '\0' ' ' <"/proc/$1/cmdline" | grep -qF -- "$2"; }

# Sends SIGTERM to pid $2 (named $1) and waits up to $3 seconds; with $4 = kill, SIGKILL after that.
stop_pid() {
  local name=$1 pid=$2 seconds=$3 escalate=${4:-}
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 1 $((seconds * 2))); do
    kill -0 "$pid" 2>/dev/null || {
      say "$name stopped (pid $pid)"
      return 0
    }
    sleep 0.5
  done
  if [ "$escalate" = kill ]; then
    kill -KILL "$pid" 2>/dev/null || true
    sleep 0.5
    kill -0 "$pid" 2>/dev/null || {
      say "$name killed (pid $pid) after ${seconds}s without stopping on SIGTERM"
      return 0
    }
  fi
  problem "$name (pid $pid) still running ${seconds}s after SIGTERM"
  return 1
}

if [ ! -d "$state" ]; then
  say "nothing to stop: no $state (npm run cluster was not run here)"
  exit 0
fi

# 1. Our processes. The apps exit by themselves at most 10 s after SIGTERM; a leader that stops hands over at once.
for name in executor controller-2 controller; do
  pidfile="$state/$name.pid"
  app=${name%-2}
  pid=$(cat "$pidfile" 2>/dev/null || true)
  if [ -n "$pid" ] && is_ours "$pid" "/dist/apps/$app/"; then
    stop_pid "$name" "$pid" 15 kill && rm -f "$pidfile"
  else
    say "$name was not running"
    rm -f "$pidfile"
  fi
done

# 2. The executor's containers (it leaves them running when it stops, as Drove's does).
helper() { node --import tsx "$repo/deploy/local/cluster-helper.ts" "$@"; }
remove_containers() {
  local executor_id=$1 lines ids
  if ! lines=$(docker ps -a --no-trunc --filter label=drove.instance.info --format "$(helper container-format)"); then
    problem "docker ps failed: the containers of executor $executor_id were not removed"
    return
  fi
  mapfile -t ids < <(printf '%s\n' "$lines" | helper containers "$executor_id")
  if [ ${#ids[@]} -eq 0 ]; then
    say "no containers of executor $executor_id"
  elif docker rm -f "${ids[@]}" >/dev/null; then
    say "removed ${#ids[@]} container(s) of executor $executor_id"
  else
    problem "docker rm -f ${ids[*]} failed"
  fi
}
executor_id=$(cat "$state/executor.id" 2>/dev/null || true)
if [ "$keep_containers" = 1 ]; then
  say "containers kept (--keep-containers)"
elif [ -z "$executor_id" ]; then
  say "no executor id recorded: no containers to remove"
elif ! docker info >/dev/null 2>&1; then
  problem "dockerd not reachable: the containers of executor $executor_id were not removed"
else
  remove_containers "$executor_id"
fi

# 3. The services provision.sh started for the cluster (dockerd last: the containers needed it).
started="$state/started-services"
if [ "$keep_services" = 1 ]; then
  say "ZooKeeper and dockerd kept (--keep-services)"
elif [ ! -s "$started" ]; then
  say "ZooKeeper and dockerd: none was started by npm run cluster, none stopped"
else
  remaining=()
  for service in zookeeper dockerd; do
    while read -r name pid; do
      [ "$name" = "$service" ] || continue
      marker=dockerd
      [ "$service" = zookeeper ] && marker=ZooKeeperServerMain
      if ! is_ours "$pid" "$marker"; then
        say "$service (pid $pid) was no longer running"
      elif ! stop_pid "$service" "$pid" 30; then
        remaining+=("$service $pid")
      fi
    done <"$started"
  done
  if [ ${#remaining[@]} -eq 0 ]; then
    rm -f "$started"
  else
    printf '%s\n' "${remaining[@]}" >"$started"
  fi
fi
exit $status
