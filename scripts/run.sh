#!/usr/bin/env bash
# Runs the service on its embedded defaults (sample data of the first batch) at http://127.0.0.1:5080.
# URLS="http://127.0.0.1:5080;https://localhost:5081" adds HTTPS with the dotnet dev certificate (for Office, see docs/addin.md).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
# The add-in's pages (start page /, word.html, excel.html); without npm the API still runs.
bash scripts/build-addin.sh || echo "The add-in pages were not built: only the API is served." >&2
export ASPNETCORE_ENVIRONMENT="${ASPNETCORE_ENVIRONMENT:-Development}"
exec dotnet run --project service/StrongChain.Docs.Api -- --urls "${URLS:-http://127.0.0.1:5080}"
