#!/usr/bin/env bash
# Quick start: runs Rollout War Room with the live demo on this machine.
#   ./run.sh            InfluxDB on 127.0.0.1:8086 (started here unless one already answers),
#                       the app on http://127.0.0.1:5000 with simulated traffic.
#   ./run.sh --real-traffic
#                       Real requests instead of the simulation: HAProxy on 127.0.0.1:8080 in front of
#                       two sample services (baseline :8081, canary :8082) that write their own metrics,
#                       a bounded load generator, and the app routing through HAProxy's runtime API
#                       (127.0.0.1:9999). See docs/real-traffic-demo.md.
#   ./run.sh --ha       High availability: PostgreSQL (127.0.0.1:5433, data in .data/ha/postgres) and Redis
#                       (127.0.0.1:6380, data in .data/ha/redis), the real-traffic set-up above, two app instances
#                       (127.0.0.1:5001 and :5002) on that database and bus, and HAProxy in front of them on APP_URL
#                       (deploy/ha/haproxy.cfg: sticky cookie, /readyz checks). Kill one instance and the open pages
#                       move to the other by themselves. See docs/high-availability.md.
# Environment: INFLUX_PORT (8086), APP_URL (http://127.0.0.1:5000), DEMO (true).
#   With --real-traffic also: FRONTEND_PORT (8080), BASELINE_PORT (8081), CANARY_PORT (8082),
#   RUNTIME_PORT (9999), LOAD_RPS (50), LOAD_DURATION (00:10:00),
#   BASELINE_ERROR_PCT (0.2), BASELINE_LATENCY_MS (40), CANARY_ERROR_PCT (0.5), CANARY_LATENCY_MS (55),
#   LATENCY_SPREAD (0.4).
#   With --ha also those of --real-traffic, and PG_PORT (5433), REDIS_PORT (6380), APP1_PORT (5001), APP2_PORT (5002).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
influx_port=${INFLUX_PORT:-8086}
app_url=${APP_URL:-http://127.0.0.1:5000}
data_dir="$root/.data"

real_traffic=false
ha=false
for arg in "$@"; do
  case "$arg" in
    --real-traffic) real_traffic=true ;;
    # Two instances share one router: only the real-traffic topology has one (the simulation's is per process).
    --ha) ha=true; real_traffic=true ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed -e '$d' -e 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "Unknown option: $arg (try --help)" >&2; exit 2 ;;
  esac
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is required (dotnet was not found on PATH)." >&2
  exit 1
fi

if ! command -v influxd >/dev/null 2>&1; then
  echo "Installing InfluxDB (Debian package influxdb)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq influxdb >/dev/null
fi

if [ "$real_traffic" = true ] && ! command -v haproxy >/dev/null 2>&1 && [ ! -x /usr/sbin/haproxy ]; then
  echo "Installing HAProxy (Debian package haproxy)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq haproxy >/dev/null
fi

install_missing() { # program package
  if command -v "$1" >/dev/null 2>&1; then return 0; fi
  echo "Installing $2 (Debian package $2)..."
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$2" >/dev/null
}
if [ "$ha" = true ]; then
  install_missing redis-server redis-server
  # initdb is not on PATH: Debian keeps it under /usr/lib/postgresql/<version>/bin.
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || install_missing initdb postgresql
fi

influx_pid=""
# Processes this script started (sample services, HAProxy, load generator, the app), stopped newest first.
extra_pids=()
extra_names=()
# Long enough for the app's graceful shutdown (the host allows 30 s) to write its buffered points.
stop_timeout=45

# Stops one process with TERM and waits until it has exited (it may still be writing its last points),
# killing it only after stop_timeout seconds.
stop_and_wait() { # pid name
  kill -TERM "$1" 2>/dev/null || return 0
  local ticks=$((stop_timeout * 5))
  while kill -0 "$1" 2>/dev/null; do
    if [ "$ticks" -eq 0 ]; then
      echo "$2 did not stop within $stop_timeout s; killing it (what it had not written is lost)." >&2
      kill -KILL "$1" 2>/dev/null || true
      break
    fi
    ticks=$((ticks - 1))
    sleep 0.2
  done
  wait "$1" 2>/dev/null || true
}

# Every writer (the app, the sample services) has exited, and so flushed, before influxd stops;
# otherwise the app's last points are refused and lost. A second Ctrl+C does not cut this short.
cleanup() {
  trap '' INT TERM
  for ((i = ${#extra_pids[@]} - 1; i >= 0; i--)); do stop_and_wait "${extra_pids[$i]}" "${extra_names[$i]}"; done
  if [ -n "$influx_pid" ]; then stop_and_wait "$influx_pid" influxd; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

started() { # pid name
  extra_pids+=("$1")
  extra_names+=("$2")
}

# The app runs in the background and the script waits for it, so that a TERM (not only Ctrl+C)
# reaches the traps above and every process this script started is stopped.
run_app() {
  started "$1" "The app"
  local status=0
  wait "$1" || status=$?
  return "$status"
}

if curl -fsS -o /dev/null "http://127.0.0.1:$influx_port/ping" 2>/dev/null; then
  echo "Using the InfluxDB already answering on 127.0.0.1:$influx_port."
else
  mkdir -p "$data_dir/influxdb"
  rpc_port=$((influx_port + 2))
  sed -e "s#@DATA_DIR@#$data_dir/influxdb#g" -e "s#@HTTP_PORT@#$influx_port#g" -e "s#@RPC_PORT@#$rpc_port#g" \
    deploy/influxdb.conf.template > "$data_dir/influxdb.conf"
  echo "Starting influxd on 127.0.0.1:$influx_port (data in $data_dir/influxdb, log in $data_dir/influxd.log)..."
  # Its own session: Ctrl+C reaches the terminal's process group, and influxd must outlive the app's last write.
  setsid influxd -config "$data_dir/influxdb.conf" >"$data_dir/influxd.log" 2>&1 &
  influx_pid=$!
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$influx_port/ping" 2>/dev/null; then break; fi
    if ! kill -0 "$influx_pid" 2>/dev/null; then echo "influxd stopped; see $data_dir/influxd.log" >&2; exit 1; fi
    sleep 0.2
  done
fi

# --- High availability: PostgreSQL and Redis, on loopback, in their own sessions like influxd (they must outlive
# the instances' last writes), stopped after the instances since they were started before them. ---
ha_dir="$data_dir/ha"
if [ "$ha" = true ]; then
  pg_port=${PG_PORT:-5433}
  redis_port=${REDIS_PORT:-6380}
  pg_bin=$(dirname "$(ls /usr/lib/postgresql/*/bin/initdb | sort -V | tail -n 1)")
  pg_data="$ha_dir/postgres"
  mkdir -p "$ha_dir/redis"
  # initdb refuses root: as root, the server runs as the package's postgres user and owns its folder.
  as_pg=()
  if [ "$(id -u)" -eq 0 ]; then as_pg=(setpriv --reuid=postgres --regid=postgres --init-groups); fi
  if [ ! -f "$pg_data/PG_VERSION" ]; then
    mkdir -p "$pg_data"
    if [ "$(id -u)" -eq 0 ]; then chown postgres:postgres "$pg_data"; fi
    echo "Creating a PostgreSQL cluster in $pg_data (trust on loopback: a local demo, not a production set-up)..."
    "${as_pg[@]}" "$pg_bin/initdb" -D "$pg_data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$ha_dir/initdb.log" 2>&1 \
      || { echo "initdb failed; see $ha_dir/initdb.log" >&2; exit 1; }
  fi
  setsid "${as_pg[@]}" "$pg_bin/postgres" -D "$pg_data" \
    -c listen_addresses=127.0.0.1 -p "$pg_port" -c unix_socket_directories="$pg_data" >"$ha_dir/postgres.log" 2>&1 &
  started $! PostgreSQL
  for _ in $(seq 1 150); do
    if "$pg_bin/pg_isready" -q -h 127.0.0.1 -p "$pg_port"; then break; fi
    if ! kill -0 "${extra_pids[-1]}" 2>/dev/null; then echo "PostgreSQL stopped; see $ha_dir/postgres.log" >&2; exit 1; fi
    sleep 0.2
  done
  if [ -z "$("$pg_bin/psql" -h 127.0.0.1 -p "$pg_port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'warroom'")" ]; then
    "$pg_bin/createdb" -h 127.0.0.1 -p "$pg_port" -U postgres warroom
  fi
  echo "PostgreSQL on 127.0.0.1:$pg_port, database warroom (data in $pg_data, log $ha_dir/postgres.log)"

  setsid redis-server --bind 127.0.0.1 --port "$redis_port" --dir "$ha_dir/redis" >"$ha_dir/redis.log" 2>&1 &
  started $! Redis
  for _ in $(seq 1 150); do
    if [ "$(redis-cli -h 127.0.0.1 -p "$redis_port" ping 2>/dev/null)" = PONG ]; then break; fi
    if ! kill -0 "${extra_pids[-1]}" 2>/dev/null; then echo "Redis stopped; see $ha_dir/redis.log" >&2; exit 1; fi
    sleep 0.2
  done
  echo "Redis on 127.0.0.1:$redis_port (data in $ha_dir/redis, log $ha_dir/redis.log)"
fi

echo "Building..."
dotnet build src/Dashboard.Web -c Release -nologo -v quiet
if [ "$real_traffic" = false ]; then
  echo
  echo "Rollout War Room: $app_url   (rollouts: $app_url/rollouts, war-room TV view: $app_url/warroom)"
  echo "Sign in at $app_url/sign-in. On the first run the app prints a one-time set-up link for the first admin below."
  echo
  Influx__Url="http://127.0.0.1:$influx_port" Demo__Enabled="${DEMO:-true}" \
    dotnet src/Dashboard.Web/bin/Release/net10.0/Dashboard.Web.dll --urls "$app_url" &
  run_app $!
  exit 0
fi

# --- Real traffic: sample services, HAProxy, load generator; the app routes through HAProxy. ---
frontend_port=${FRONTEND_PORT:-8080}
baseline_port=${BASELINE_PORT:-8081}
canary_port=${CANARY_PORT:-8082}
runtime_port=${RUNTIME_PORT:-9999}
rt_dir="$data_dir/real-traffic"
mkdir -p "$rt_dir"
dotnet build src/Dashboard.SampleService -c Release -nologo -v quiet
sample_dll=src/Dashboard.SampleService/bin/Release/net10.0/Dashboard.SampleService.dll

wait_for_http() { # url pid name log
  for _ in $(seq 1 150); do
    if curl -sS -o /dev/null "$1" 2>/dev/null; then return 0; fi
    if ! kill -0 "$2" 2>/dev/null; then echo "$3 stopped; see $4" >&2; exit 1; fi
    sleep 0.2
  done
  echo "$3 did not answer on $1 within 30 s; see $4" >&2; exit 1
}

start_sample() { # cohort version port error_pct latency_ms
  Influx__Url="http://127.0.0.1:$influx_port" Sample__Cohort="$1" Sample__Version="$2" \
    Sample__ErrorRatePct="$4" Sample__LatencyMedianMs="$5" Sample__LatencySpread="${LATENCY_SPREAD:-0.4}" \
    dotnet "$sample_dll" --urls "http://127.0.0.1:$3" >"$rt_dir/$1.log" 2>&1 &
  started $! "The $1 sample service"
  wait_for_http "http://127.0.0.1:$3/analyze" $! "The $1 sample service" "$rt_dir/$1.log"
  echo "Sample service $1 ($2) on 127.0.0.1:$3 (log $rt_dir/$1.log)"
}
start_sample baseline v2.9.4 "$baseline_port" "${BASELINE_ERROR_PCT:-0.2}" "${BASELINE_LATENCY_MS:-40}"
start_sample canary v3.0.0-sprint-2-complete "$canary_port" "${CANARY_ERROR_PCT:-0.5}" "${CANARY_LATENCY_MS:-55}"

haproxy_bin=$(command -v haproxy || echo /usr/sbin/haproxy)
sed -e "s#@FRONTEND_PORT@#$frontend_port#g" -e "s#@BASELINE_PORT@#$baseline_port#g" \
    -e "s#@CANARY_PORT@#$canary_port#g" -e "s#@RUNTIME_PORT@#$runtime_port#g" \
  deploy/real-traffic/haproxy.cfg.template > "$rt_dir/haproxy.cfg"
"$haproxy_bin" -c -q -f "$rt_dir/haproxy.cfg"
"$haproxy_bin" -db -f "$rt_dir/haproxy.cfg" >"$rt_dir/haproxy.log" 2>&1 &
started $! HAProxy
wait_for_http "http://127.0.0.1:$frontend_port/analyze" $! "HAProxy" "$rt_dir/haproxy.log"
echo "HAProxy on 127.0.0.1:$frontend_port, runtime API tcp:127.0.0.1:$runtime_port (weights baseline 99 / canary 1)"

dotnet "$sample_dll" load --target "http://127.0.0.1:$frontend_port/analyze" \
  --rps "${LOAD_RPS:-50}" --duration "${LOAD_DURATION:-00:10:00}" >"$rt_dir/load.log" 2>&1 &
started $! "The load generator"
echo "Load generator: ${LOAD_RPS:-50} requests/s for ${LOAD_DURATION:-00:10:00} (summary every 10 s in $rt_dir/load.log)"
if [ "$ha" = false ]; then
  echo
  echo "Rollout War Room: $app_url   (war-room TV view: $app_url/warroom)"
  echo "Change the split: start a rollout at $app_url/rollouts and use Change traffic (docs/real-traffic-demo.md)"
  echo "Sign in at $app_url/sign-in. On the first run the app prints a one-time set-up link for the first admin below."
  echo
  Influx__Url="http://127.0.0.1:$influx_port" Demo__Enabled=false \
    Routing__Kind=Haproxy Routing__Haproxy__RuntimeApi="tcp:127.0.0.1:$runtime_port" \
    dotnet src/Dashboard.Web/bin/Release/net10.0/Dashboard.Web.dll --urls "$app_url" &
  run_app $!
  exit 0
fi

# --- High availability: two instances on PostgreSQL and Redis, HAProxy in front (docs/high-availability.md). ---
case "$app_url" in
  http://*:*) front=${app_url#http://}; front=${front%%/*} ;;
  *) echo "With --ha, APP_URL must be http://<address>:<port> (HAProxy binds it; TLS belongs in deploy/ha/haproxy.cfg)." >&2; exit 2 ;;
esac
app1_port=${APP1_PORT:-5001}
app2_port=${APP2_PORT:-5002}
# Every instance must chain the audit log with the same key (docs/high-availability.md).
if [ ! -s "$ha_dir/audit-chain.key" ]; then
  (umask 077; head -c 32 /dev/urandom | base64 > "$ha_dir/audit-chain.key")
fi

start_instance() { # number port
  Influx__Url="http://127.0.0.1:$influx_port" Demo__Enabled=false \
    Routing__Kind=Haproxy Routing__Haproxy__RuntimeApi="tcp:127.0.0.1:$runtime_port" \
    StateStore__Provider=PostgreSql \
    StateStore__ConnectionString="Host=127.0.0.1;Port=$pg_port;Database=warroom;Username=postgres" \
    Bus__Redis="127.0.0.1:$redis_port" \
    Audit__ChainKeyFile="$ha_dir/audit-chain.key" Audit__CheckpointFile="$ha_dir/audit-checkpoints.jsonl" \
    ForwardedHeaders__KnownProxies__0=127.0.0.1 Logs__Folder="$ha_dir/app$1-logs" \
    dotnet src/Dashboard.Web/bin/Release/net10.0/Dashboard.Web.dll --urls "http://127.0.0.1:$2" >"$ha_dir/app$1.log" 2>&1 &
  started $! "App instance $1"
  wait_for_http "http://127.0.0.1:$2/healthz" $! "App instance $1" "$ha_dir/app$1.log"
  echo "App instance $1 on http://127.0.0.1:$2 (log $ha_dir/app$1.log)"
}
# One after the other: the first creates the schema and the first admin, the second finds them.
start_instance 1 "$app1_port"
start_instance 2 "$app2_port"

"$haproxy_bin" -c -q -f deploy/ha/haproxy.cfg
WARROOM_FRONT="$front" WARROOM_APP1="127.0.0.1:$app1_port" WARROOM_APP2="127.0.0.1:$app2_port" \
  "$haproxy_bin" -db -f deploy/ha/haproxy.cfg >"$ha_dir/front.log" 2>&1 &
front_pid=$!
started "$front_pid" "HAProxy (front)"
wait_for_http "$app_url/healthz" "$front_pid" "HAProxy (front)" "$ha_dir/front.log"

echo
echo "Rollout War Room: $app_url   (war-room TV view: $app_url/warroom; HAProxy log $ha_dir/front.log)"
echo "Two instances behind it; kill one (kill <pid>) and open pages move to the other by themselves."
echo "Change the split: start a rollout at $app_url/rollouts and use Change traffic (docs/real-traffic-demo.md)"
# The set-up token lives in the memory of the instance that printed it: this link goes to instance 1 itself.
setup_link=$(grep -o 'http://[^ ]*/setup?token=[^ "]*' "$ha_dir/app1.log" 2>/dev/null | head -n 1 || true)
if [ -n "$setup_link" ]; then
  echo "First run: create the first admin at $setup_link (instance 1; then sign in at $app_url/sign-in)"
else
  echo "Sign in at $app_url/sign-in."
fi
echo "Stop everything with Ctrl+C."
echo
# The script lives as long as the front: an instance may die (that is the point) without ending the demo.
status=0
wait "$front_pid" || status=$?
exit "$status"
