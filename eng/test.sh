#!/usr/bin/env bash
# The README's test command: makes PostgreSQL available on loopback (eng/postgres.sh), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=eng/postgres.sh
. eng/postgres.sh
dotnet test Faktum.Licensing.sln "$@"
