#!/usr/bin/env bash
# Brings this machine to the state the tests and the local cluster need: the Debian packages, a running dockerd,
# a ZooKeeper on loopback and the local test images. Idempotent; one line of output per step.
#
# Environment (all optional):
#   DROVE_ZK_PORT       ZooKeeper client port on 127.0.0.1 (default 2181)
#   DROVE_LOCAL_DIR     where state, logs and pids go (default <repo>/.local)
#   ZOOKEEPER_JAR       the ZooKeeper server jar (default Debian's /usr/share/java/zookeeper.jar)
#   DROVE_SKIP_IMAGES=1 do not build the test images
#   DROVE_PROVISION_STARTED  a file to which a line `<service> <pid>` is appended for each service (dockerd,
#                       zookeeper) this run started, so whoever asked (cluster.sh) can stop exactly those later
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
local_dir=${DROVE_LOCAL_DIR:-$repo/.local}
zk_port=${DROVE_ZK_PORT:-2181}
zk_jar=${ZOOKEEPER_JAR:-/usr/share/java/zookeeper.jar}

step() { printf 'provision: %-12s %s\n' "$1" "$2"; }
fail() { step "$1" "FAILED: $2" >&2; exit 1; }
record_started() { [ -z "${DROVE_PROVISION_STARTED:-}" ] || echo "$1 $2" >>"$DROVE_PROVISION_STARTED"; }
is_root() { [ "$(id -u)" -eq 0 ]; }

# --- 1. packages -------------------------------------------------------------------------------------------
# Each package is recognised by what it provides, so a machine set up some other way (a ZooKeeper tarball,
# Docker's own packages) is accepted too.
missing=()
have_static_busybox() {
  local bb
  bb=$(command -v busybox) || return 1
  ! ldd "$bb" >/dev/null 2>&1
}
[ -r "$zk_jar" ] && command -v java >/dev/null || missing+=("zookeeper")
command -v dockerd >/dev/null && command -v docker >/dev/null || missing+=("docker.io")
command -v lstopo-no-graphics >/dev/null || missing+=("hwloc")
have_static_busybox || missing+=("busybox-static")
# nginx for the reference router's test (deploy/router), which runs its own nginx under a temp dir
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || missing+=("nginx")

# Installing a Debian service package starts its service (nginx on port 80, dockerd); the tests start what they
# need themselves. policy-rc.d exiting 101 is Debian's way of saying "do not start services" during an install.
deny_service_starts() {
  local policy=/usr/sbin/policy-rc.d
  [ -e "$policy" ] && return
  printf '#!/bin/sh\nexit 101\n' >"$policy"
  chmod 755 "$policy"
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
}

if [ ${#missing[@]} -eq 0 ]; then
  step packages "found zookeeper, docker.io, hwloc, busybox-static, nginx"
elif is_root; then
  export DEBIAN_FRONTEND=noninteractive
  # The package lists of a fresh machine may be empty or stale; an update is cheap next to a failed install.
  apt-get update -qq >/dev/null 2>&1 || true
  deny_service_starts
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >"${TMPDIR:-/tmp}/drove-apt.log" 2>&1 ||
    fail packages "apt-get install ${missing[*]} failed; see ${TMPDIR:-/tmp}/drove-apt.log"
  step packages "installed ${missing[*]}"
else
  {
    echo "provision: packages     MISSING: ${missing[*]}"
    echo "provision: packages     install them as root:  sudo apt-get install -y ${missing[*]}"
    echo "provision: packages     (or run this script as root: sudo $0)"
  } >&2
  exit 2
fi

mkdir -p "$local_dir" 2>/dev/null || fail local-dir "cannot create $local_dir"
[ -w "$local_dir" ] || fail local-dir "$local_dir is not writable by $(id -un)"

# --- 2. dockerd --------------------------------------------------------------------------------------------
if docker info >/dev/null 2>&1; then
  step dockerd "found running ($(docker info --format '{{.ServerVersion}}' 2>/dev/null))"
elif ! is_root; then
  fail dockerd "not reachable and not root: start it with 'sudo dockerd' or add $(id -un) to the docker group"
else
  # Containers get the open-files limit their spec asks for (Drove's default is 470000), and dockerd cannot grant a
  # container more than its own hard limit; a Docker systemd unit sets it to infinity, so do the same here.
  (
    ulimit -Hn 1048576 2>/dev/null && ulimit -n 1048576
    exec setsid dockerd >"$local_dir/dockerd.log" 2>&1 </dev/null
  ) &
  echo $! >"$local_dir/dockerd.pid"
  record_started dockerd $!
  for _ in $(seq 1 60); do docker info >/dev/null 2>&1 && break; sleep 1; done
  docker info >/dev/null 2>&1 || fail dockerd "started but not answering after 60 s; see $local_dir/dockerd.log"
  step dockerd "started (pid $(cat "$local_dir/dockerd.pid"), log $local_dir/dockerd.log)"
fi

# --- 3. ZooKeeper ------------------------------------------------------------------------------------------
zk_ruok() {
  local reply
  reply=$(timeout 2 bash -c "exec 3<>/dev/tcp/127.0.0.1/$zk_port && printf ruok >&3 && cat <&3" 2>/dev/null) || true
  [ "$reply" = "imok" ]
}
if zk_ruok; then
  step zookeeper "found running on 127.0.0.1:$zk_port"
else
  zk_dir=$local_dir/zk-$zk_port
  mkdir -p "$zk_dir/data"
  cat >"$zk_dir/zoo.cfg" <<EOF
tickTime=2000
initLimit=10
syncLimit=5
dataDir=$zk_dir/data
clientPort=$zk_port
clientPortAddress=127.0.0.1
maxClientCnxns=0
admin.enableServer=false
4lw.commands.whitelist=ruok,srvr,mntr,stat
autopurge.snapRetainCount=3
autopurge.purgeInterval=1
EOF
  # Debian's jar carries its dependencies in its manifest class path, so the jar alone is enough.
  setsid java -Xmx512m -Dzookeeper.log.dir="$zk_dir" -Djute.maxbuffer=1048576 \
    -cp "/etc/zookeeper/conf:$zk_jar" org.apache.zookeeper.server.ZooKeeperServerMain "$zk_dir/zoo.cfg" \
    >"$zk_dir/zookeeper.log" 2>&1 < /dev/null &
  echo $! >"$zk_dir/zookeeper.pid"
  record_started zookeeper $!
  for _ in $(seq 1 60); do zk_ruok && break; sleep 0.5; done
  zk_ruok || fail zookeeper "started but no 'imok' on 127.0.0.1:$zk_port after 30 s; see $zk_dir/zookeeper.log"
  step zookeeper "started on 127.0.0.1:$zk_port (pid $(cat "$zk_dir/zookeeper.pid"), data $zk_dir/data)"
fi

# --- 4. test images ----------------------------------------------------------------------------------------
# They cannot be pulled here, so they are imported from a busybox rootfs. Each image is labelled with a hash
# of its inputs; it is rebuilt only when those change.
build_image() {
  local name=$1 tag=$2 src=$3; shift 3
  local hash current rootfs
  hash=$( (cat "$src"/*; sha256sum "$(command -v busybox)"; printf '%s\n' "$@") | sha256sum | cut -c1-16)
  current=$(docker image inspect "$tag" --format '{{index .Config.Labels "drove.test.inputs"}}' 2>/dev/null || true)
  if [ "$current" = "$hash" ]; then
    step "image" "found $tag ($name, inputs $hash)"
    return
  fi
  rootfs=$(mktemp -d "$local_dir/rootfs-$name.XXXXXX")
  mkdir -p "$rootfs"/{bin,sbin,usr/bin,usr/sbin,etc,tmp,www,testfiles,proc,sys,dev}
  cp "$(command -v busybox)" "$rootfs/bin/busybox"
  chroot "$rootfs" /bin/busybox --install -s 2>/dev/null || for applet in $(busybox --list); do
    [ -e "$rootfs/bin/$applet" ] || ln -s busybox "$rootfs/bin/$applet"
  done
  printf 'root:x:0:0:root:/root:/bin/sh\nnobody:x:65534:65534:nobody:/:/bin/false\n' >"$rootfs/etc/passwd"
  printf 'root:x:0:\nnogroup:x:65534:\n' >"$rootfs/etc/group"
  chmod 1777 "$rootfs/tmp"
  install -m 0755 "$src"/entrypoint.sh "$rootfs/bin/entrypoint"
  [ -f "$src/index.html" ] && install -m 0644 "$src/index.html" "$rootfs/www/index.html"
  ln -s /testfiles "$rootfs/www/files"
  local changes=(-c 'ENTRYPOINT ["/bin/entrypoint"]' -c "LABEL drove.test.inputs=$hash")
  for c in "$@"; do changes+=(-c "$c"); done
  tar -C "$rootfs" -c . | docker import "${changes[@]}" - "$tag" >/dev/null ||
    fail image "docker import of $tag failed"
  rm -rf "$rootfs"
  step "image" "built $tag ($name, inputs $hash)"
}
if [ "${DROVE_SKIP_IMAGES:-0}" = "1" ]; then
  step image "skipped (DROVE_SKIP_IMAGES=1)"
else
  build_image http-server drove-test/http-server:latest "$repo/deploy/images/http-server" \
    'ENV PORT=8000' 'EXPOSE 8000'
  build_image task drove-test/task:latest "$repo/deploy/images/task" \
    'ENV ITERATIONS=3' 'ENV EXIT_CODE=0'
fi
step done "ZooKeeper 127.0.0.1:$zk_port, dockerd, images drove-test/http-server and drove-test/task ready"
