#!/usr/bin/env bash
# Makes a PostgreSQL server available on 127.0.0.1 for the tests (Debian's package), idempotently:
# installs it with apt when missing, creates and starts the cluster, creates the test role, and writes the
# admin connection string to artifacts/test-postgres.txt. Source it to also get FAKTUM_TEST_POSTGRES exported.
# Tests create (and drop) one database per server they start; the role may therefore create databases.
# Override with FAKTUM_TEST_POSTGRES=<connection string> to use a server of your own (nothing is installed then).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
file="$root/artifacts/test-postgres.txt"
mkdir -p "$root/artifacts"

if [ -n "${FAKTUM_TEST_POSTGRES:-}" ]; then
  printf '%s\n' "$FAKTUM_TEST_POSTGRES" > "$file"
  echo "postgres: using FAKTUM_TEST_POSTGRES"
  return 0 2>/dev/null || exit 0
fi

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "postgres: installing Debian's postgresql package"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi

version=$(ls /usr/lib/postgresql | sort -V | tail -1)
if ! pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main"' | grep -q .; then
  as_root pg_createcluster "$version" main >/dev/null
fi
port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')

# The default listen_addresses is localhost (loopback only).
# Parallel test classes each start servers with their own connection pools: allow enough connections.
as_root pg_conftool -s "$version" main set max_connections 300
if pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $4}' | grep -q online; then
  current=$(as_root runuser -u postgres -- psql -p "$port" -tAc 'SHOW max_connections')
  [ "$current" = 300 ] || as_root pg_ctlcluster "$version" main restart
else
  as_root pg_ctlcluster "$version" main start
fi

for _ in $(seq 1 50); do
  as_root runuser -u postgres -- pg_isready -q -h 127.0.0.1 -p "$port" && break
  sleep 0.2
done

as_root runuser -u postgres -- psql -q -p "$port" -v ON_ERROR_STOP=1 <<'SQL'
DO $$
BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'faktum_test') THEN
    CREATE ROLE faktum_test LOGIN CREATEDB PASSWORD 'faktum_test';
  END IF;
END $$;
SQL

FAKTUM_TEST_POSTGRES="Host=127.0.0.1;Port=$port;Username=faktum_test;Password=faktum_test;Database=postgres"
printf '%s\n' "$FAKTUM_TEST_POSTGRES" > "$file"
export FAKTUM_TEST_POSTGRES
echo "postgres: PostgreSQL $version on 127.0.0.1:$port (connection string in artifacts/test-postgres.txt)"
