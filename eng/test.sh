#!/usr/bin/env bash
# The README's test command: makes PostgreSQL available on loopback (eng/postgres.sh), Debian's Chromium
# for the console's browser tests (eng/chromium.sh) and the NativeAOT toolchain (eng/aot-toolchain.sh), builds the container image (eng/container.sh), then runs every test.
set -euo pipefail
cd "$(dirname "$0")/.."
# shellcheck source=eng/postgres.sh
. eng/postgres.sh
# shellcheck source=eng/chromium.sh
. eng/chromium.sh
# shellcheck source=eng/aot-toolchain.sh
. eng/aot-toolchain.sh
# The server's container image as an OCI archive (ContainerImageTests checks and runs it); see docs/operations.md.
bash eng/container.sh
dotnet test Faktum.Licensing.sln "$@"
