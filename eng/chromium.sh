#!/usr/bin/env bash
# Makes Debian's Chromium available at /usr/bin/chromium for the console's browser tests
# (tests/Faktum.Licensing.Console.Tests drive it with Playwright; Playwright never downloads a browser here),
# idempotently: installs the `chromium` package with apt when it is missing. Source it or run it.
# Override with FAKTUM_TEST_CHROMIUM=<path> to use a Chromium of your own (nothing is installed then).
set -euo pipefail

if [ -n "${FAKTUM_TEST_CHROMIUM:-}" ]; then
  export FAKTUM_TEST_CHROMIUM
  echo "chromium: using FAKTUM_TEST_CHROMIUM=$FAKTUM_TEST_CHROMIUM"
  return 0 2>/dev/null || exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x /usr/bin/chromium ]; then
  echo "chromium: installing Debian's chromium package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
fi

echo "chromium: $(/usr/bin/chromium --version 2>/dev/null || echo /usr/bin/chromium)"
