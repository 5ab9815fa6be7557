#!/usr/bin/env bash
# Builds the deployable service into one folder (default artifacts/publish): the API and the add-in's pages in wwwroot.
# The MSBuild target in StrongChain.Docs.Api.csproj runs the npm build (Node.js 20.19+ and npm needed); docs/deployment.md.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/publish}"
dotnet publish service/StrongChain.Docs.Api -c Release -o "$out"
echo "Published to $out: start it with  cd $out && dotnet StrongChain.Docs.Api.dll"
