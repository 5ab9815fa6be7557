#!/usr/bin/env bash
# Installs the Debian packages the service and its tests use, skipping what is already there.
# LibreOffice renders PDFs and checks our .docx (Writer) and .xlsx (Calc); poppler reads PDFs back; Noto CJK gives Chinese glyphs;
# python3-uno lets the renderer drive a resident LibreOffice (without it each PDF starts its own soffice, slower).
set -euo pipefail
# What the service needs at run time (the Dockerfile's runtime stage installs exactly these), then what only the tests need.
service_packages=(libreoffice-writer-nogui python3-uno fonts-noto-cjk fonts-dejavu-core fontconfig)
test_packages=(libreoffice-calc-nogui poppler-utils)
packages=("${service_packages[@]}" "${test_packages[@]}")
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing: ${missing[*]}"
  sudo_cmd=""
  [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
