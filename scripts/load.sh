#!/usr/bin/env bash
# Load figures (docs/performance.md): builds in Release, starts the service on loopback with a temp data folder, runs the
# load client (16 clients: checks, then submits; two rounds, the first just after the start), stops the service and prints the figures and the service's memory.
# Extra arguments go to the client, e.g. `bash scripts/load.sh --checks 2000 --submits 400`.
# STRONGCHAIN_LOAD_POSTGRES=1 runs the service on a throwaway PostgreSQL cluster (scripts/pg-cluster.sh) instead of SQLite.
set -euo pipefail
cd "$(dirname "$0")/.."

dotnet build -c Release -v q -nologo service/StrongChain.Docs.Api >/dev/null
dotnet build -c Release -v q -nologo tests/StrongChain.Docs.LoadTest >/dev/null

data=$(mktemp -d /tmp/strongchain-load.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
api=service/StrongChain.Docs.Api/bin/Release/net10.0
store=(--Storage:Sqlite="$data/strongchain.db"); kind=SQLite
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; wait 2>/dev/null; [ -d "$data/pg" ] && bash scripts/pg-cluster.sh stop "$data/pg"; rm -rf "$data"' EXIT
if [ "${STRONGCHAIN_LOAD_POSTGRES:-}" = 1 ]; then
  postgres=$(bash scripts/pg-cluster.sh start "$data/pg")
  store=(--Storage:Provider=Postgres "--ConnectionStrings:Postgres=$postgres"); kind=PostgreSQL
fi

# Content root stays the build output (its appsettings.json); only the store and keys go to the temp folder.
( cd "$api" && ASPNETCORE_ENVIRONMENT=Development exec dotnet StrongChain.Docs.Api.dll --urls "$url" \
    "${store[@]}" --Storage:DataDirectory="$data" ) >"$data/service.log" 2>&1 &
pid=$!

for _ in $(seq 1 120); do
  curl -fsS "$url/health" >/dev/null 2>&1 && break
  kill -0 "$pid" 2>/dev/null || { cat "$data/service.log"; exit 1; }
  sleep 0.5
done
curl -fsS "$url/health" >/dev/null || { echo "The service did not start within 60 s."; cat "$data/service.log"; exit 1; }

status=0
timeout 900 dotnet tests/StrongChain.Docs.LoadTest/bin/Release/net10.0/StrongChain.Docs.LoadTest.dll --url "$url" --pid "$pid" "$@" || status=$?
rss=$(awk '/^VmRSS/ {printf "%.0f", $2/1024}' "/proc/$pid/status"); peak=$(awk '/^VmHWM/ {printf "%.0f", $2/1024}' "/proc/$pid/status")
echo "service memory at the end: RSS $rss MiB (peak $peak MiB)"
echo "store: $(du -sh "$data" | cut -f1) in $data (removed on exit; $kind)"
exit $status
