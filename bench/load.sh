#!/usr/bin/env bash
# Load benchmark (issue 19): the service under load on one machine, each figure against a baseline
# taken in the same run, against the same PostgreSQL, so that the ratios hold on a shared machine.
#
#   pages   50 users (wrk, 50 connections, signed in as the demo's secretariat) on the register
#           list, a notification's page and the analytics tables for 2020, against the start page
#   intake  POST /api/v1/notifications (a bearer token of the demo's notifier) at 1, 8 and 32
#           clients, against a plain INSERT of the same row (a notification and its child, in one
#           transaction) into plain copies of the two tables by pgbench, in the same database
#   import  `import` of N generated notifications with their children (the tests' generator, the
#           same files as bench/import.sh) into a fresh database, against psql's \copy of the same
#           two files into plain tables of text columns in the same database
#
# Each step is repeated three times (REPEATS); the table gives min / median / max of each figure
# and the ratios of the medians. The server is the jar's `serve --demo` (two years of synthetic
# data, 1,212 notifications) on a throw-away data folder, deleted at the end, with the API's rate
# limit raised out of the way. Needs wrk, pgbench and psql, oathtool, curl.
#
# Usage: bench/load.sh            (builds the jar first; SKIP_BUILD=1 to use target/observatory.jar)
#   env: PORT (8199), DURATION seconds a run (15), REPEATS (3), IMPORT_N (20000; 0 skips import),
#        WARMUP seconds of each page before the pages' runs, and of POSTs before intake's (30),
#        SERVER_JAVA_OPTS (extra JVM options for the server, e.g. a flight recording),
#        STEPS ("pages intake import")
set -euo pipefail
cd "$(dirname "$0")/.."
port=${PORT:-8199}
duration=${DURATION:-15}
repeats=${REPEATS:-3}
warmup=${WARMUP:-30}
import_n=${IMPORT_N:-20000}
steps=${STEPS:-pages intake import}
base="http://localhost:$port"
work=$(mktemp -d)
server=
cleanup() {
  if [ -n "$server" ]; then kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ -z "${SKIP_BUILD:-}" ]; then
  mvn -q -B package -DskipTests -Dspotless.check.skip=true
fi
jar=$work/observatory.jar
cp target/observatory.jar "$jar"
commit="$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- src pom.xml || echo ' (with changes)')"
echo "bench/load.sh: $(date -u +%Y-%m-%dT%H:%MZ), commit $commit, $(nproc) cores," \
  "load average $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)," \
  "$(wrk --version 2>&1 | head -1 | cut -d' ' -f1-2), $(pgbench --version)"

# --- the figures: each line of $work/figures is "STEP WHAT REPEAT RATE P50 P95 P99" (ms) --------
figures=$work/figures
: > "$figures"

# wrk's summary as one line: requests a second, p50, p95 and p99 in ms, non-2xx/3xx answers.
cat > "$work/report.lua" <<'LUA'
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.2f %.2f %.2f %d\n",
    summary.requests / (summary.duration / 1e6),
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000,
    summary.errors.status + summary.errors.connect + summary.errors.read + summary.errors.timeout))
end
LUA

run_wrk() { # step what repeat connections script url [header...]
  local step=$1 what=$2 r=$3 c=$4 script=$5 url=$6; shift 6
  local args=() h
  for h in "$@"; do args+=(-H "$h"); done
  local out
  out=$(wrk -t "$(( c < 2 ? 1 : 2 ))" -c "$c" -d "${duration}s" --timeout 30s -s "$script" "${args[@]}" "$url" | grep '^RESULT')
  set -- $out
  if [ "$6" != 0 ]; then echo "  ($what: $6 errors or answers other than 2xx/3xx)" >&2; fi
  echo "$step $what $r $2 $3 $4 $5" >> "$figures"
  printf '  %-22s run %d: %8.1f req/s  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms\n' "$what" "$r" "$2" "$3" "$4" "$5"
}

# --- the server -----------------------------------------------------------------------------------
start_server() {
  java ${SERVER_JAVA_OPTS:-} -Dobservatory.rate-limit.api-per-minute=100000000 -jar "$jar" serve --demo --port "$port" \
    --data-dir "$work/data" > "$work/serve.log" 2>&1 &
  server=$!
  for _ in $(seq 1 600); do
    if [ -s "$work/data/demo-accounts.txt" ] && curl -fsS -o /dev/null "$base/"; then return; fi
    if ! kill -0 "$server" 2>/dev/null; then cat "$work/serve.log" >&2; exit 1; fi
    sleep 1
  done
  echo "the server did not start in 10 minutes" >&2
  exit 1
}

# The demo account's password and TOTP secret, from the accounts file the demo writes.
account_field() { # username field-label ("password" or "TOTP secret")
  awk -v u="$1" -v f="$2" '
    $1 == u { found = 1; next }
    found && index($0, f ":") { sub(/^[^:]*: */, ""); print; exit }' "$work/data/demo-accounts.txt"
}

# Signs in through the pages as a demo account; prints the session cookie's value.
sign_in() { # username
  local user=$1 jar=$work/cookies-$1 page csrf password secret next
  password=$(account_field "$user" password)
  secret=$(account_field "$user" "TOTP secret")
  page=$(curl -fsS -c "$jar" -b "$jar" "$base/sign-in")
  csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  next=$(curl -sS -o /dev/null -w '%{redirect_url}' -c "$jar" -b "$jar" "$base/sign-in" \
    --data-urlencode "username=$user" --data-urlencode "password=$password" \
    --data-urlencode "_csrf=$csrf")
  page=$(curl -fsS -c "$jar" -b "$jar" "$next")
  csrf=$(sed -n 's/.*name="_csrf" value="\([^"]*\)".*/\1/p' <<<"$page" | head -1)
  curl -sS -o /dev/null -c "$jar" -b "$jar" "$next" \
    --data-urlencode "code=$(oathtool --totp -b "$secret")" --data-urlencode "_csrf=$csrf"
  awk '$6 == "JSESSIONID" { print $7 }' "$jar" | tail -1
}

db_port() { cat "$work/data/database-port"; }
db_password() { sed -n 's/^postgres=//p' "$work/data/database-passwords"; }
psql_owner() { PGPASSWORD=$(db_password) psql -q -X -h localhost -p "$(db_port)" -U postgres -d postgres -v ON_ERROR_STOP=1 "$@"; }

start_server
echo "server up: $(grep -m1 -o 'generated [0-9,]* notifications' "$work/serve.log" || true)"

# --- pages ------------------------------------------------------------------------------------------
if [[ " $steps " == *" pages "* ]]; then
  session=$(sign_in demo.secretariat)
  cookie="Cookie: JSESSIONID=$session"
  ref=$(psql_owner -At -c "select notification_ref from notification where notification_ref like '%-2020-%' order by notification_ref limit 1")
  for path in /notifications "/notifications/$ref" "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2026-01-01"; do
    code=$(curl -s -o /dev/null -w '%{http_code}' -H "$cookie" "$base$path")
    [ "$code" = 200 ] || { echo "GET $path as demo.secretariat answered $code" >&2; exit 1; }
  done
  echo "pages: 50 connections, ${duration}s a run; the secretariat's session; notification $ref"
  # a warm-up round, not counted: the JIT and the caches, as a server that has been up a while
  # (WARMUP seconds a page; with 5 the start page still served twice as much in the last repeat as
  # in the first: the JIT was still compiling, so each figure depended on when it was taken)
  for path in / /notifications "/notifications/$ref" "/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2026-01-01"; do
    wrk -t 2 -c 50 -d "${warmup}s" --timeout 30s -H "$cookie" "$base$path" > /dev/null
  done
  for r in $(seq 1 "$repeats"); do
    run_wrk pages start "$r" 50 "$work/report.lua" "$base/" "$cookie"
    run_wrk pages register "$r" 50 "$work/report.lua" "$base/notifications" "$cookie"
    run_wrk pages notification "$r" 50 "$work/report.lua" "$base/notifications/$ref" "$cookie"
    run_wrk pages analytics-2020 "$r" 50 "$work/report.lua" \
      "$base/analytics/tables?from=2020-01-01&to=2020-12-31&asAt=2026-01-01" "$cookie"
  done
fi

# --- intake -----------------------------------------------------------------------------------------
if [[ " $steps " == *" intake "* ]]; then
  token=$(java -jar "$jar" users token demo.notifier --expires 1d --data-dir "$work/data" 2>/dev/null \
    | grep -oE '[A-Za-z0-9_-]{30,}' | tail -1)
  [ -n "$token" ] || { echo "no API token for demo.notifier" >&2; exit 1; }
  body='{"la_code":"E08000035","incident_date":"2020-06-01","aware_date":"2020-06-02","notified_date":"2020-06-05","notification_type":"DEATH","death_category":"SUDI","csc_involvement":"NONE","court_order":"NONE","living_arrangement":"AT_HOME","children":[{"child_seq":1,"gender":"MALE","age_years":0,"child_name":"Synthetic Child"}]}'
  code=$(curl -s -o "$work/post.txt" -w '%{http_code}' -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' --data "$body" "$base/api/v1/notifications")
  [ "$code" = 201 ] || { echo "POST answered $code: $(cat "$work/post.txt")" >&2; exit 1; }
  cat > "$work/post.lua" <<LUA
wrk.method = "POST"
wrk.body = '$body'
wrk.headers["Content-Type"] = "application/json"
wrk.headers["Authorization"] = "Bearer $token"
$(cat "$work/report.lua")
LUA
  # The baseline: the same row as plain INSERTs into copies of the two tables (no triggers, no
  # foreign keys; the same columns, defaults, identity and indexes), a notification and its child
  # in one transaction, the child's name as long as a sealed one.
  psql_owner <<'SQL'
drop table if exists bench_plain_child, bench_plain_notification;
create table bench_plain_notification (like notification including all);
create table bench_plain_child (like child including all);
SQL
  sealed=$(psql_owner -At -c "select child_name_sealed from child where child_name_sealed is not null limit 1")
  cat > "$work/insert.sql" <<SQL
begin;
with n as (
  insert into bench_plain_notification (notification_ref, la_code, incident_date, aware_date,
    notified_date, notification_type, death_category, csc_involvement, court_order,
    living_arrangement, recorded_at)
  values ('B-' || :client_id || '-' || txid_current(), 'E08000035', '2020-06-01', '2020-06-02',
    '2020-06-05', 'DEATH', 'SUDI', 'NONE', 'NONE', 'AT_HOME', now())
  returning id)
insert into bench_plain_child (notification_id, child_seq, gender, age_years, child_name_sealed)
  select id, 1, 'MALE', 0, '$sealed' from n;
commit;
SQL
  pgbench_run() { # clients repeat
    local c=$1 r=$2 out
    rm -f "$work"/pgbench_log.*
    out=$(cd "$work" && PGPASSWORD=$(db_password) pgbench -n -h localhost -p "$(db_port)" -U postgres \
      -c "$c" -j "$(( c < 2 ? 1 : 2 ))" -T "$duration" -f insert.sql -l --log-prefix=pgbench_log postgres 2>&1)
    local tps
    tps=$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$out" | head -1)
    cat "$work"/pgbench_log.* | awk '{print $3 / 1000}' | sort -n > "$work/lat"
    local n p50 p95 p99
    n=$(wc -l < "$work/lat")
    p50=$(sed -n "$(( (n * 50 + 99) / 100 ))p" "$work/lat")
    p95=$(sed -n "$(( (n * 95 + 99) / 100 ))p" "$work/lat")
    p99=$(sed -n "$(( (n * 99 + 99) / 100 ))p" "$work/lat")
    echo "intake insert-$c $r $tps $p50 $p95 $p99" >> "$figures"
    printf '  %-22s run %d: %8.1f req/s  p50 %8.2f ms  p95 %8.2f ms  p99 %8.2f ms\n' "insert-$c" "$r" "$tps" "$p50" "$p95" "$p99"
  }
  echo "intake: ${duration}s a run; POST as demo.notifier; pgbench into plain tables"
  # A warm-up round, not counted, as for the pages: WARMUP seconds of POSTs at 8 clients.
  wrk -t 2 -c 8 -d "${warmup}s" --timeout 30s -s "$work/post.lua" "$base/api/v1/notifications" > /dev/null
  for r in $(seq 1 "$repeats"); do
    for c in 1 8 32; do
      run_wrk intake "post-$c" "$r" "$c" "$work/post.lua" "$base/api/v1/notifications"
      pgbench_run "$c" "$r"
    done
  done
  psql_owner -c "drop table bench_plain_child, bench_plain_notification"
fi

kill "$server"; wait "$server" 2>/dev/null || true; server=

# --- import -----------------------------------------------------------------------------------------
if [[ " $steps " == *" import "* ]] && [ "$import_n" -gt 0 ]; then
  mvn -q -B test-compile -Dspotless.check.skip=true
  cat > "$work/Generate.java" <<'JAVA'
public class Generate {
  public static void main(String[] a) throws Exception {
    uk.gov.observatory.support.SyntheticReviewsCsv.write(java.nio.file.Path.of(a[0]), Integer.parseInt(a[1]), 6);
  }
}
JAVA
  javac -cp target/test-classes -d "$work" "$work/Generate.java"
  java -cp "$work:target/test-classes" Generate "$work/in" "$import_n"
  mkdir -p "$work/in2"
  cp "$work/in/notifications.csv" "$work/in/children.csv" "$work/in2/"
  echo "import: $(( $(wc -l < "$work/in2/notifications.csv") - 1 )) notifications," \
    "$(( $(wc -l < "$work/in2/children.csv") - 1 )) children (notifications.csv and children.csv)"
  seconds() { echo "$(date +%s.%N) - $1" | bc; }
  for r in $(seq 1 "$repeats"); do
    rm -rf "$work/data"
    # a fresh database for each import; its server started and stopped outside the timing
    java -jar "$jar" users list --data-dir "$work/data" > /dev/null 2>&1 || true
    t0=$(date +%s.%N)
    java -jar "$jar" import "$work/in2" --data-dir "$work/data" > "$work/import.txt" 2>&1 \
      || { cat "$work/import.txt" >&2; exit 1; }
    t_import=$(seconds "$t0")
    # the baseline, in the same database (served by the jar meanwhile)
    java -jar "$jar" serve --port "$port" --data-dir "$work/data" > "$work/serve.log" 2>&1 &
    server=$!
    for _ in $(seq 1 300); do curl -fs -o /dev/null "$base/" && break; sleep 1; done
    n_cols=$(head -1 "$work/in2/notifications.csv" | tr ',' '\n' | wc -l)
    c_cols=$(head -1 "$work/in2/children.csv" | tr ',' '\n' | wc -l)
    psql_owner -c "drop table if exists bench_copy_n, bench_copy_c" \
      -c "create table bench_copy_n ($(seq 1 "$n_cols" | sed 's/^/c/;s/$/ text/' | paste -sd,))" \
      -c "create table bench_copy_c ($(seq 1 "$c_cols" | sed 's/^/c/;s/$/ text/' | paste -sd,))"
    t0=$(date +%s.%N)
    psql_owner -c "\\copy bench_copy_n from '$work/in2/notifications.csv' csv header" \
      -c "\\copy bench_copy_c from '$work/in2/children.csv' csv header"
    t_copy=$(seconds "$t0")
    psql_owner -c "drop table bench_copy_n, bench_copy_c"
    kill "$server"; wait "$server" 2>/dev/null || true; server=
    echo "import import $r $t_import 0 0 0" >> "$figures"
    echo "import copy $r $t_copy 0 0 0" >> "$figures"
    printf '  run %d: import %.2f s, \\copy %.2f s\n' "$r" "$t_import" "$t_copy"
  done
fi

# --- the table --------------------------------------------------------------------------------------
stat() { # step what column(4 rate, 5 p50, 6 p95, 7 p99) -> "min median max"
  awk -v s="$1" -v w="$2" -v c="$3" '$1 == s && $2 == w { print $c }' "$figures" | sort -g | awk '
    { x[NR] = $1 }
    END { if (NR == 0) { print "- - -"; exit }
          m = (NR % 2) ? x[(NR + 1) / 2] : (x[NR / 2] + x[NR / 2 + 1]) / 2
          printf "%s %s %s\n", x[1], m, x[NR] }'
}
median() { stat "$1" "$2" "$3" | cut -d' ' -f2; }
fmt3() { awk '{ printf "%.1f / %.1f / %.1f", $1, $2, $3 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (b + 0 == 0) print "-"; else printf "%.2f", a / b }'; }
echo
if [[ " $steps " == *" pages "* ]]; then
  echo "Pages, 50 connections (min / median / max of $repeats runs; ratio of medians to the start page's)"
  echo
  echo "| page | req/s | p50 ms | p95 ms | p95 ÷ start page's |"
  echo "|---|---:|---:|---:|---:|"
  for w in start register notification analytics-2020; do
    echo "| $w | $(stat pages $w 4 | fmt3) | $(stat pages $w 5 | fmt3) | $(stat pages $w 6 | fmt3) |" \
      "$(ratio "$(median pages $w 6)" "$(median pages start 6)") |"
  done
  echo
fi
if [[ " $steps " == *" intake "* ]]; then
  echo "Intake (min / median / max of $repeats runs; ratios of medians, POST ÷ plain INSERT)"
  echo
  echo "| clients | POST req/s | INSERT tx/s | rate ratio | POST p99 ms | INSERT p99 ms | p99 ratio |"
  echo "|---:|---:|---:|---:|---:|---:|---:|"
  for c in 1 8 32; do
    echo "| $c | $(stat intake post-$c 4 | fmt3) | $(stat intake insert-$c 4 | fmt3) |" \
      "$(ratio "$(median intake post-$c 4)" "$(median intake insert-$c 4)") |" \
      "$(stat intake post-$c 7 | fmt3) | $(stat intake insert-$c 7 | fmt3) |" \
      "$(ratio "$(median intake post-$c 7)" "$(median intake insert-$c 7)") |"
  done
  echo
fi
if [[ " $steps " == *" import "* ]] && [ "$import_n" -gt 0 ]; then
  echo "Import of $import_n notifications (seconds, min / median / max of $repeats runs)"
  echo
  echo "| import | \\copy | import ÷ \\copy |"
  echo "|---:|---:|---:|"
  echo "| $(stat import import 4 | fmt3) | $(stat import copy 4 | awk '{ printf "%.2f / %.2f / %.2f", $1, $2, $3 }') |" \
    "$(ratio "$(median import import 4)" "$(median import copy 4)") |"
fi
echo
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
