#!/usr/bin/env bash
# `npm run cluster`: a whole Drove-TS cluster on this machine, in the background: ZooKeeper (provisioned), two
# controllers (API 4000 and 4010; one leads, the other stands by), one executor, and the sample application
# deployed and HEALTHY. Logs and pids under .local/cluster/.
# `npm run cluster:down` stops what this started. Re-running it keeps what already runs.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
state="$repo/.local/cluster"
apis=(http://127.0.0.1:4000/apis/v1 http://127.0.0.1:4010/apis/v1)
spec="$repo/deploy/specs/sample-app.json"
config_dir=${DROVE_CLUSTER_CONFIG_DIR:-$repo/deploy/config}
app_id=sample-app-1
mkdir -p "$state"

say() { echo "cluster: $*"; }
fail() {
  echo "cluster: $*" >&2
  exit 1
}

bash "$repo/deploy/local/provision.sh"

say "building the controller and the executor (log $state/build.log)"
(cd "$repo" && npm run build >"$state/build.log" 2>&1) || fail "build failed, see $state/build.log"

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

# The standby controller's config is the first one's with Drove's second-controller ports (4010, admin 4011) and
# its own audit log, unless the config directory has its own controller-2.yml.
second_config="$config_dir/controller-2.yml"
if [ ! -f "$second_config" ]; then
  second_config="$state/controller-2.yml"
  sed -e 's/^\(  port:\) 4000\b/\1 4010/' -e 's/^\(  adminPort:\) 4001\b/\1 4011/' \
    -e 's#^\(  logFile: .*\)controller-audit\.log#\1controller-2-audit.log#' \
    "$config_dir/controller.yml" >"$second_config"
  grep -q '^  port: 4010' "$second_config" || fail "$config_dir/controller.yml has no 'port: 4000' to move to 4010"
fi

start controller controller "$config_dir/controller.yml"
start controller-2 controller "$second_config"
start executor executor "$config_dir/executor.yml"
wait_for 60 "a controller to lead" leader_api
api=$(leader_api)
standby=${apis[0]}
[ "$standby" != "$api" ] || standby=${apis[1]}
wait_for 60 "the executor to register" probe "$api/cluster/executors" 'r=>r.data.length>0'

if probe "$api/applications/$app_id" 'r=>r.status==="SUCCESS"' >/dev/null 2>&1; then
  say "$app_id already deployed"
else
  body=$(node -e "const spec=require('$spec');console.log(JSON.stringify({type:'CREATE',spec,instances:1,opSpec:{timeout:'5 minutes',parallelism:1,failureStrategy:'STOP'}}))")
  curl -sf -H 'content-type: application/json' -d "$body" "$api/applications/operations" >"$state/create.json" ||
    fail "CREATE of $app_id refused: $(cat "$state/create.json" 2>/dev/null)"
  say "$app_id created with 1 instance"
fi
wait_for 180 "$app_id to be HEALTHY" probe "$api/applications/$app_id" 'r=>r.data.healthyInstances>=1'

port=$(curl -sf "$api/applications/$app_id/instances" | json_field 'r=>r.data[0].localInfo.ports.main.hostPort')
cat <<INFO
cluster: ready
  API           $api (the leader; no auth: deploy/config/controller.yml)
  UI            ${api%/apis/v1}/ (read-only pages in a browser)
  standby       $standby (answers 400 until it leads; its UI pages redirect to the leader)
  sample app    http://127.0.0.1:$port/  and  http://127.0.0.1:$port/files/drove.txt
  drove-cli     ~/.drove:  [local]  endpoint = ${api%/apis/v1}   (then: drove -c local apps list)
  logs, pids    $state
  stop          npm run cluster:down
INFO
