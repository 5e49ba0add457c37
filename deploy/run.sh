#!/usr/bin/env bash
# Observatory beyond one instance, on one machine: Debian's PostgreSQL, the migrations run once,
# two instances (serve --no-migrate) and HAProxy (Debian package haproxy) in front of them.
#
#   sudo deploy/run.sh            # then open http://127.0.0.1:8080 ; Ctrl-C stops all three
#
# Run as root (it creates the PostgreSQL cluster, database and roles as .ci/run does, then runs
# the application as the user named by OBSERVATORY_USER, default: the owner of this checkout).
# Settings (environment): PROXY_PORT (8080), PORT_A (8081), PORT_B (8082), OBSERVATORY_STATE
# (deploy/state: passwords, the sealing key, logs), OBSERVATORY_DB (observatory).
# Needs: postgresql, haproxy, a JDK 17 (java) and the jar (mvn -DskipTests package).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

PROXY_PORT=${PROXY_PORT:-8080}
PORT_A=${PORT_A:-8081}
PORT_B=${PORT_B:-8082}
STATE=${OBSERVATORY_STATE:-$root/deploy/state}
DB=${OBSERVATORY_DB:-observatory}
RUN_AS=${OBSERVATORY_USER:-$(stat -c %U "$root")}
JAR=$root/target/observatory.jar

[ "$(id -u)" = 0 ] || { echo "Run as root (sudo deploy/run.sh): it sets up PostgreSQL." >&2; exit 2; }
command -v haproxy >/dev/null || { echo "HAProxy is missing: apt-get install haproxy" >&2; exit 2; }
ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 \
  || { echo "PostgreSQL is missing: apt-get install postgresql" >&2; exit 2; }
[ -f "$JAR" ] || { echo "No $JAR: build it first (mvn -DskipTests package)" >&2; exit 2; }

mkdir -p "$STATE"
chmod 700 "$STATE"
chown "$RUN_AS" "$STATE"

# 1. Debian's PostgreSQL: its newest version's "main" cluster, started.
version=$(ls /usr/lib/postgresql | sort -n | tail -1)
if ! pg_lsclusters -h | awk '{print $1" "$2}' | grep -qx "$version main"; then
  pg_createcluster "$version" main
fi
pg_ctlcluster "$version" main start 2>/dev/null || true
port=$(pg_conftool -s "$version" main show port)
for _ in $(seq 1 60); do
  su postgres -c "psql -q -p $port -c 'select 1'" >/dev/null 2>&1 && break
  sleep 1
done

# 2. The database, owned by a role that runs the migrations; the instances connect as another,
#    which owns nothing (README, "An external PostgreSQL"). Passwords made once, kept in STATE.
secret() { od -An -N16 -tx1 /dev/urandom | tr -d ' \n'; }
if [ ! -f "$STATE/db.env" ]; then
  umask 077
  cat > "$STATE/db.env" <<ENV
OWNER_PASSWORD=$(secret)
APP_PASSWORD=$(secret)
ENV
  chown "$RUN_AS" "$STATE/db.env"
fi
# shellcheck disable=SC1091
. "$STATE/db.env"
su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $port" <<SQL
select 'create role observatory_owner login createrole'
  where not exists (select 1 from pg_roles where rolname = 'observatory_owner') \gexec
select 'create role observatory_app login'
  where not exists (select 1 from pg_roles where rolname = 'observatory_app') \gexec
alter role observatory_owner password '$OWNER_PASSWORD';
alter role observatory_app password '$APP_PASSWORD';
select 'create database $DB owner observatory_owner'
  where not exists (select 1 from pg_database where datname = '$DB') \gexec
SQL
su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $port -d $DB -c 'revoke create on schema public from public'"
# Index look-ups priced for a database held on SSD or in memory, as the embedded one is (README,
# "Under load"): PostgreSQL's default of 4 is for spinning disks.
su postgres -c "psql -q -v ON_ERROR_STOP=1 -p $port -c 'alter database $DB set random_page_cost = 1.1'"

# 3. One sealing key for identifying details, shared by both instances (made once).
if [ ! -f "$STATE/keys" ]; then
  umask 077
  echo "k1=$(head -c 32 /dev/urandom | base64)" > "$STATE/keys"
  chown "$RUN_AS" "$STATE/keys"
fi

export SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:$port/$DB"
export SPRING_DATASOURCE_USERNAME=observatory_app
export SPRING_DATASOURCE_PASSWORD="$APP_PASSWORD"
export SPRING_FLYWAY_USER=observatory_owner
export SPRING_FLYWAY_PASSWORD="$OWNER_PASSWORD"
export OBSERVATORY_KEYS_FILE="$STATE/keys"
export OBSERVATORY_KEYS_CURRENT=k1
# The same settings for commands run by hand (users add, ...): set -a; . STATE/observatory.env
( umask 077
  for v in SPRING_DATASOURCE_URL SPRING_DATASOURCE_USERNAME SPRING_DATASOURCE_PASSWORD \
    SPRING_FLYWAY_USER SPRING_FLYWAY_PASSWORD OBSERVATORY_KEYS_FILE OBSERVATORY_KEYS_CURRENT; do
    printf '%s=%q\n' "$v" "${!v}"
  done > "$STATE/observatory.env" )
chown "$RUN_AS" "$STATE/observatory.env"
# As RUN_AS, in this process (setpriv execs: the pid below is the JVM's, so stopping it stops it).
as_user() {
  if [ "$RUN_AS" = "$(id -un)" ]; then
    exec "$@"
  fi
  exec setpriv --reuid="$(id -u "$RUN_AS")" --regid="$(id -g "$RUN_AS")" --init-groups \
    env HOME="$(getent passwd "$RUN_AS" | cut -d: -f6)" "$@"
}

# 4. The migrations, once.
(as_user java -jar "$JAR" migrate)

# 5. Two instances that do not migrate, and HAProxy in front.
pids=()
stop() {
  trap - INT TERM EXIT
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop INT TERM EXIT
(as_user java -jar "$JAR" serve --no-migrate --port "$PORT_A") > "$STATE/instance-a.log" 2>&1 &
pids+=($!)
(as_user java -jar "$JAR" serve --no-migrate --port "$PORT_B") > "$STATE/instance-b.log" 2>&1 &
pids+=($!)
for p in "$PORT_A" "$PORT_B"; do
  for _ in $(seq 1 180); do
    curl -fs -o /dev/null "http://127.0.0.1:$p/" && break
    sleep 1
  done
  curl -fs -o /dev/null "http://127.0.0.1:$p/" \
    || { echo "The instance on port $p did not start: see $STATE/instance-*.log" >&2; exit 1; }
done
OBSERVATORY_PROXY=127.0.0.1:$PROXY_PORT OBSERVATORY_A=127.0.0.1:$PORT_A OBSERVATORY_B=127.0.0.1:$PORT_B \
  haproxy -db -f "$root/deploy/haproxy.cfg" > "$STATE/haproxy.log" 2>&1 &
proxy_pid=$!
pids+=("$proxy_pid")
echo "Observatory: http://127.0.0.1:$PROXY_PORT (instances on $PORT_A and $PORT_B; logs in $STATE)."
echo "Accounts: (set -a; . $STATE/observatory.env; java -jar $JAR users add NAME --role ROLE ...)"
echo "Ctrl-C stops all three. An instance that dies is taken out by HAProxy; the other carries on."
wait "$proxy_pid" || true
echo "HAProxy ended; stopping the instances." >&2
