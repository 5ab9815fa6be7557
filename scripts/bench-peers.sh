#!/usr/bin/env bash
# Ours against the tools people would use instead, in one run on the same inputs (docs/performance.md, "Against the peers"):
# (1) content controls: python-docx + lxml; (2) 1,000 demands into a .docx: docxtemplater + pizzip;
# (3) 5,000 demand rows from .xlsx: openpyxl read-only; (4) the first batch's bulletin → PDF: plain soffice --convert-to pdf.
# Prints a Markdown table of medians and ours/peer ratios. Arguments: [--rounds N] [--pdf-runs N] (defaults 5 and 5).
# The peers live in a scratch folder (PEERS_DIR, default /tmp/strongchain-peers): docxtemplater and pizzip from npm;
# python-docx, openpyxl and lxml from Debian (python3-docx, python3-openpyxl) for the system python3, in a venv with
# --system-site-packages (this machine's network reaches Debian and npm, not PyPI); LibreOffice as installed.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
peers="${PEERS_DIR:-/tmp/strongchain-peers}"
rounds=5
pdf_runs=5
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2"; shift 2 ;;
    --pdf-runs) pdf_runs="$2"; shift 2 ;;
    *) echo "unknown argument $1" >&2; exit 2 ;;
  esac
done

# Debian packages: LibreOffice and fonts (as the service needs them), the Python peers, node for docxtemplater.
bash "$root/scripts/install-deps.sh"
missing=()
for p in python3-docx python3-openpyxl python3-lxml python3-venv nodejs npm; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then :; else
  # A node and npm on the PATH (e.g. from nodesource or nvm) will do.
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

mkdir -p "$peers"
if [ ! -x "$peers/venv/bin/python" ]; then
  /usr/bin/python3 -m venv --system-site-packages "$peers/venv"
fi
python="$peers/venv/bin/python"
"$python" -c 'import docx, openpyxl, lxml' || { echo "python-docx/openpyxl/lxml not importable by $python" >&2; exit 1; }
if [ ! -d "$peers/node_modules/docxtemplater" ] || [ ! -d "$peers/node_modules/pizzip" ]; then
  (cd "$peers" && { [ -f package.json ] || npm init -y >/dev/null; } && npm install --no-audit --no-fund --silent docxtemplater@3 pizzip@3)
fi
versions="docxtemplater $(node -p "require('$peers/node_modules/docxtemplater/package.json').version"), pizzip $(node -p "require('$peers/node_modules/pizzip/package.json').version"), node $(node --version)"
versions="$versions, $("$python" "$root/scripts/peers/versions.py")"
versions="$versions, $(soffice --version 2>/dev/null | head -1)"

dotnet build -c Release "$root/tests/StrongChain.Docs.Benchmarks" -nologo -v q -p:TreatWarningsAsErrors=true >&2
echo "Peers: $versions"
dotnet "$root/tests/StrongChain.Docs.Benchmarks/bin/Release/net10.0/StrongChain.Docs.Benchmarks.dll" peers \
  --work "$peers/run" --scripts "$root/scripts/peers" --python "$python" --node node --node-modules "$peers/node_modules" \
  --soffice soffice --rounds "$rounds" --pdf-runs "$pdf_runs"
