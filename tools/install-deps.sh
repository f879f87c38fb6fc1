#!/usr/bin/env bash
# install-deps.sh [--test] [--peers]: installs, as root on Debian 12, what
# khabar needs to build (and with --test, to run every test: clang's
# libFuzzer; with --peers, what make eval / make bench compare against).
# Does nothing for packages already installed; never downloads anything but
# Debian packages.
set -euo pipefail
pkgs=(gcc make pkg-config libutf8proc-dev libsqlite3-dev libgumbo-dev zlib1g-dev)
peers=0
for a in "$@"; do
  case $a in
    --test) pkgs+=(clang libclang-rt-14-dev python3) ;;
    --peers) pkgs+=(python3 xz-utils); peers=1 ;;
    *) echo "usage: install-deps.sh [--test] [--peers]" >&2; exit 2 ;;
  esac
done
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "install-deps: needs root to install: ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
if [ $peers = 1 ]; then
  shared=${KHABAR_SHARED:-$(dirname "$0")/../../shared}
  "$shared/peers/install"
fi
