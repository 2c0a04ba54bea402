#!/usr/bin/env bash
# `npm run cluster`: a whole Drove-TS cluster on this machine, in the background: ZooKeeper and dockerd
# (provisioned), two controllers (one leads, the other stands by), one executor, and the sample application
# deployed and HEALTHY. Logs and pids under .local/cluster/. Re-running it keeps what already runs and restarts
# what died; `npm run cluster:down` stops what this started.
#
# Environment (all optional):
#   DROVE_CLUSTER_CONFIG_DIR  controller.yml, executor.yml and optionally controller-2.yml (default deploy/config);
#                             ports, ZooKeeper and host ports all come from these files
#   DROVE_LOCAL_DIR           state root, as for provision.sh (default <repo>/.local; this uses <it>/cluster)
#   DROVE_SKIP_BUILD=1        use the existing dist/ instead of `npm run build`
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
local_dir=${DROVE_LOCAL_DIR:-$repo/.local}
state="$local_dir/cluster"
spec="$repo/deploy/specs/sample-app.json"
config_dir=${DROVE_CLUSTER_CONFIG_DIR:-$repo/deploy/config}
app_id=sample-app-1
mkdir -p "$state"

say() { echo "cluster: $*"; }
fail() {
  echo "cluster: $*" >&2
  exit 1
}
helper() { node --import tsx "$repo/deploy/local/cluster-helper.ts" "$@"; }

for file in controller.yml executor.yml; do
  [ -f "$config_dir/$file" ] || fail "no $config_dir/$file (DROVE_CLUSTER_CONFIG_DIR=$config_dir)"
done

# The standby controller's config is the first one's with Drove's second-controller ports (4010, admin 4011) and
# its own audit log, unless the config directory has its own controller-2.yml.
second_config="$config_dir/controller-2.yml"
if [ ! -f "$second_config" ]; then
  second_config="$state/controller-2.yml"
  sed -e 's/^\(  port:\) 4000\b/\1 4010/' -e 's/^\(  adminPort:\) 4001\b/\1 4011/' \
    -e 's#^\(  logFile: .*\)controller-audit\.log#\1controller-2-audit.log#' \
    "$config_dir/controller.yml" >"$second_config"
  grep -q '^  port: 4010' "$second_config" ||
    fail "$config_dir/controller.yml has no 'port: 4000' to move to 4010: put a controller-2.yml beside it"
fi

# apis, zk_port, executor_id: from the configs, read by the processes' own config classes (an invalid file stops here).
settings=$(helper settings "$config_dir/controller.yml" "$second_config" "$config_dir/executor.yml") ||
  fail "cannot read the configs in $config_dir (above)"
eval "$settings"

# provision.sh appends `<service> <pid>` to this file for each service it had to start: cluster-down.sh stops
# those and leaves alone a ZooKeeper or dockerd that was already running (shared with tests, other clusters).
env DROVE_LOCAL_DIR="$local_dir" DROVE_PROVISION_STARTED="$state/started-services" ${zk_port:+DROVE_ZK_PORT=$zk_port} \
  bash "$repo/deploy/local/provision.sh"

if [ "${DROVE_SKIP_BUILD:-0}" = "1" ]; then
  [ -f "$repo/dist/apps/controller/apps/controller/src/main.js" ] && [ -f "$repo/dist/apps/executor/apps/executor/src/main.js" ] ||
    fail "DROVE_SKIP_BUILD=1 but dist/ has no built controller and executor: run npm run build"
  say "build skipped (DROVE_SKIP_BUILD=1)"
else
  say "building the controller and the executor (log $state/build.log)"
  (cd "$repo" && npm run build >"$state/build.log" 2>&1) || fail "build failed, see $state/build.log"
fi
echo "$executor_id" >"$state/executor.id"

# Starts app $2 as process $1 with config file $3.
start() {
  local name=$1 app=$2 config=$3
  local pidfile="$state/$name.pid"
  if [ -f "$pidfile" ] && kill -0 "$(cat "$pidfile")" 2>/dev/null; then
    say "$name already running (pid $(cat "$pidfile"))"
    return
  fi
  nohup node "$repo/dist/apps/$app/apps/$app/src/main.js" --config "$config" \
    >"$state/$name.log" 2>&1 &
  echo $! >"$pidfile"
  say "$name started (pid $!, log $state/$name.log)"
}

# Waits up to $1 seconds for the command in the remaining arguments to succeed.
wait_for() {
  local seconds=$1 what=$2
  shift 2
  for _ in $(seq 1 "$seconds"); do
    if "$@" >/dev/null 2>&1; then return 0; fi
    sleep 1
  done
  fail "timed out after ${seconds}s waiting for $what (logs in $state)"
}

# Prints what the JS function $1 returns for the JSON on stdin; fails when it returns undefined or false.
json_field() { node -e "let s='';process.stdin.on('data',d=>s+=d).on('end',()=>{const v=($1)(JSON.parse(s));if(v===undefined||v===false)process.exit(1);console.log(v)})"; }
# Succeeds when the JSON at URL $1 satisfies the JS function $2.
probe() { curl -sf "$1" | json_field "$2"; }
# Prints the API base URL of the controller that leads (only the leader answers ping with 200).
leader_api() {
  local base
  for base in "${apis[@]}"; do
    if curl -sf "$base/ping" >/dev/null 2>&1; then
      echo "$base"
      return 0
    fi
  done
  return 1
}

start controller controller "$config_dir/controller.yml"
start controller-2 controller "$second_config"
start executor executor "$config_dir/executor.yml"
wait_for 60 "a controller to lead" leader_api
api=$(leader_api)
standby=${apis[0]}
[ "$standby" != "$api" ] || standby=${apis[1]}
wait_for 60 "the executor to register" probe "$api/cluster/executors" "r=>r.data.some(e=>e.executorId==='$executor_id')"

if probe "$api/applications/$app_id" 'r=>r.status==="SUCCESS"' >/dev/null 2>&1; then
  say "$app_id already deployed"
else
  body=$(node -e "const spec=require('$spec');console.log(JSON.stringify({type:'CREATE',spec,instances:1,opSpec:{timeout:'5 minutes',parallelism:1,failureStrategy:'STOP'}}))")
  curl -sf -H 'content-type: application/json' -d "$body" "$api/applications/operations" >"$state/create.json" ||
    fail "CREATE of $app_id refused: $(cat "$state/create.json" 2>/dev/null)"
  say "$app_id created with 1 instance"
fi
# After a cluster:down that removed the container, the log still holds the instance: the leader finds it lost
# once the executor reports without it, and its app monitor starts a replacement. Until then the view may still
# call the old instance HEALTHY, so what counts is a HEALTHY instance whose port answers.
app_port() {
  local port
  port=$(curl -sf "$api/applications/$app_id/instances" |
    json_field 'r=>r.data.find(i=>i.state==="HEALTHY").localInfo.ports.main.hostPort') &&
    curl -sf -o /dev/null "http://127.0.0.1:$port/" && echo "$port"
}
say "waiting for $app_id to be HEALTHY"
wait_for 180 "$app_id to be HEALTHY and answer" app_port
port=$(app_port) || fail "$app_id stopped answering (logs in $state)"
endpoint=${api%/apis/v1}
cat <<INFO
cluster: ready
  API           $api (the leader; no auth: $config_dir/controller.yml)
  UI            $endpoint/ (read-only pages in a browser)
  standby       ${standby%/apis/v1} (answers 400 until it leads; its UI pages redirect to the leader)
  sample app    http://127.0.0.1:$port/  and  http://127.0.0.1:$port/files/drove.txt
  drove-cli     drove -e $endpoint apps list
                or in ~/.drove:  [local]  endpoint = $endpoint   then: drove -c local apps list
  logs, pids    $state
  stop          npm run cluster:down   (--keep-containers leaves the app's container running)
INFO
