#!/usr/bin/env bash
# The add-in's suites: manifest and unit tests (vitest), then the browser tests (playwright-core in Debian's chromium)
# against the real service, started here on loopback with a temp data folder and stopped by a trap.
# JUnit results go to $ADDIN_RESULTS (artifacts/test-results)/addin-unit.xml and addin-e2e.xml; non-zero exit when a suite fails.
set -uo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
results="${ADDIN_RESULTS:-artifacts/test-results}"
mkdir -p "$results"
results=$(cd "$results" && pwd)

if ! dpkg -s chromium >/dev/null 2>&1; then
  echo "Installing: chromium"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends chromium >/dev/null || exit 1
fi

bash scripts/build-addin.sh || exit 1
status=0
(cd addin && timeout 600 npx vitest run --project unit --reporter=default --reporter=junit --outputFile.junit="$results/addin-unit.xml") || status=1

# The service the browser tests talk to: Development (dev tokens, demo round open now), its own data folder.
timeout 600 dotnet build service/StrongChain.Docs.Api -p:TreatWarningsAsErrors=true --nologo -v q >/dev/null || exit 1
timeout 600 dotnet build tests/StrongChain.Docs.FormMaker -p:TreatWarningsAsErrors=true --nologo -v q >/dev/null || exit 1
work=$(mktemp -d /tmp/addin-e2e-service-XXXXXX)
port=$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
url="http://127.0.0.1:$port"
ASPNETCORE_ENVIRONMENT=Development Storage__Sqlite="$work/strongchain.db" Storage__DataDirectory="$work" \
  dotnet service/StrongChain.Docs.Api/bin/Debug/net10.0/StrongChain.Docs.Api.dll --urls "$url" --contentRoot "$root/service/StrongChain.Docs.Api" \
  >"$work/service.log" 2>&1 &
service_pid=$!
trap 'kill "$service_pid" 2>/dev/null; wait "$service_pid" 2>/dev/null; rm -rf "$work"' EXIT

up=0
for _ in $(seq 1 120); do
  if curl -fs --max-time 2 "$url/health" >/dev/null 2>&1; then up=1; break; fi
  kill -0 "$service_pid" 2>/dev/null || break
  sleep 0.5
done
if [ "$up" -ne 1 ]; then
  echo "The service did not become healthy at $url:"; cat "$work/service.log"
  exit 1
fi

(cd addin && ADDIN_E2E_BASE_URL="$url" timeout 900 npx vitest run --project e2e --reporter=default --reporter=junit --outputFile.junit="$results/addin-e2e.xml") || status=1
exit $status
