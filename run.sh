#!/usr/bin/env bash
# Quick start: runs Rollout War Room with the live demo on this machine.
#   ./run.sh            InfluxDB on 127.0.0.1:8086 (started here unless one already answers),
#                       the app on http://127.0.0.1:5000 with simulated traffic.
#   ./run.sh --real-traffic
#                       Real requests instead of the simulation: HAProxy on 127.0.0.1:8080 in front of
#                       two sample services (baseline :8081, canary :8082) that write their own metrics,
#                       a bounded load generator, and the app routing through HAProxy's runtime API
#                       (127.0.0.1:9999). See docs/real-traffic-demo.md.
# Environment: INFLUX_PORT (8086), APP_URL (http://127.0.0.1:5000), DEMO (true).
#   With --real-traffic also: FRONTEND_PORT (8080), BASELINE_PORT (8081), CANARY_PORT (8082),
#   RUNTIME_PORT (9999), LOAD_RPS (50), LOAD_DURATION (00:10:00),
#   BASELINE_ERROR_PCT (0.2), BASELINE_LATENCY_MS (40), CANARY_ERROR_PCT (0.5), CANARY_LATENCY_MS (55),
#   LATENCY_SPREAD (0.4).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
influx_port=${INFLUX_PORT:-8086}
app_url=${APP_URL:-http://127.0.0.1:5000}
data_dir="$root/.data"

real_traffic=false
for arg in "$@"; do
  case "$arg" in
    --real-traffic) real_traffic=true ;;
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
echo
echo "Rollout War Room: $app_url   (war-room TV view: $app_url/warroom)"
echo "Change the split: start a rollout at $app_url/rollouts and use Change traffic (docs/real-traffic-demo.md)"
echo "Sign in at $app_url/sign-in. On the first run the app prints a one-time set-up link for the first admin below."
echo
Influx__Url="http://127.0.0.1:$influx_port" Demo__Enabled=false \
  Routing__Kind=Haproxy Routing__Haproxy__RuntimeApi="tcp:127.0.0.1:$runtime_port" \
  dotnet src/Dashboard.Web/bin/Release/net10.0/Dashboard.Web.dll --urls "$app_url" &
run_app $!
