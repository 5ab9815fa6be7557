#!/usr/bin/env bash
# Runs the service on its embedded defaults (sample data of the first batch) at http://127.0.0.1:5080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project service/StrongChain.Docs.Api -- --urls "${URLS:-http://127.0.0.1:5080}"
