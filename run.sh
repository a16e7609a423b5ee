#!/usr/bin/env bash
# Quick start: runs Rollout War Room with the live demo on this machine.
#   ./run.sh            InfluxDB on 127.0.0.1:8086 (started here unless one already answers),
#                       the app on http://127.0.0.1:5000 with simulated traffic.
# Environment: INFLUX_PORT (8086), APP_URL (http://127.0.0.1:5000), DEMO (true).
set -euo pipefail
cd "$(dirname "$0")"
root=$(pwd)
influx_port=${INFLUX_PORT:-8086}
app_url=${APP_URL:-http://127.0.0.1:5000}
data_dir="$root/.data"

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

influx_pid=""
cleanup() { if [ -n "$influx_pid" ]; then kill "$influx_pid" 2>/dev/null || true; fi; }
trap cleanup EXIT INT TERM

if curl -fsS -o /dev/null "http://127.0.0.1:$influx_port/ping" 2>/dev/null; then
  echo "Using the InfluxDB already answering on 127.0.0.1:$influx_port."
else
  mkdir -p "$data_dir/influxdb"
  rpc_port=$((influx_port + 2))
  sed -e "s#@DATA_DIR@#$data_dir/influxdb#g" -e "s#@HTTP_PORT@#$influx_port#g" -e "s#@RPC_PORT@#$rpc_port#g" \
    deploy/influxdb.conf.template > "$data_dir/influxdb.conf"
  echo "Starting influxd on 127.0.0.1:$influx_port (data in $data_dir/influxdb, log in $data_dir/influxd.log)..."
  influxd -config "$data_dir/influxdb.conf" >"$data_dir/influxd.log" 2>&1 &
  influx_pid=$!
  for _ in $(seq 1 100); do
    if curl -fsS -o /dev/null "http://127.0.0.1:$influx_port/ping" 2>/dev/null; then break; fi
    if ! kill -0 "$influx_pid" 2>/dev/null; then echo "influxd stopped; see $data_dir/influxd.log" >&2; exit 1; fi
    sleep 0.2
  done
fi

echo "Building..."
dotnet build src/Dashboard.Web -c Release -nologo -v quiet
echo
echo "Rollout War Room: $app_url   (war-room TV view: $app_url/warroom)"
echo
Influx__Url="http://127.0.0.1:$influx_port" Demo__Enabled="${DEMO:-true}" \
  dotnet src/Dashboard.Web/bin/Release/net10.0/Dashboard.Web.dll --urls "$app_url"
