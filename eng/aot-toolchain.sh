#!/usr/bin/env bash
# Makes the NativeAOT toolchain available (Debian's clang and zlib1g-dev) for NativeAotHostTests, which publishes a NativeAOT
# host and fails, never skips, without it. Idempotent: installs the packages with apt only when missing. Source it or run it.
set -euo pipefail

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v clang >/dev/null || [ ! -f /usr/include/zlib.h ]; then
  echo "aot-toolchain: installing Debian's clang and zlib1g-dev"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends clang zlib1g-dev >/dev/null
fi

echo "aot-toolchain: $(clang --version | head -n 1)"
