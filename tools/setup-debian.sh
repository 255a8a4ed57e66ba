#!/usr/bin/env bash
# Installs the Debian 12 packages iadsim needs to build and test, skipping those already present.
# Usage: tools/setup-debian.sh [extra-package ...]
set -euo pipefail
packages=(
  build-essential cmake ninja-build ccache pkg-config
  libgeographiclib-dev libeigen3-dev libyaml-cpp-dev nlohmann-json3-dev libcli11-dev libfmt-dev
  libsqlite3-dev sqlite3 libboost1.74-dev libboost-math-dev libgtest-dev libgmock-dev libbenchmark-dev libjemalloc-dev
  libopenmpi-dev openmpi-bin tshark python3
  "$@"
)
missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
[[ ${#missing[@]} -eq 0 ]] && exit 0
echo "setup: installing ${missing[*]}"
sudo=""
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "setup: need root or sudo to install: ${missing[*]}" >&2; exit 1; }
  sudo="sudo"
fi
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -q
$sudo apt-get install -y -q --no-install-recommends "${missing[@]}"
