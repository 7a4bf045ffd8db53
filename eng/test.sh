#!/usr/bin/env bash
# The README's test command: makes PostgreSQL available on loopback (eng/postgres.sh) and Debian's Chromium
# for the console's browser tests (eng/chromium.sh), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=eng/postgres.sh
. eng/postgres.sh
# shellcheck source=eng/chromium.sh
. eng/chromium.sh
dotnet test Faktum.Licensing.sln "$@"
