#!/usr/bin/env bash
# Builds the server's container image as an OCI archive with the SDK's own container support (docs/operations.md,
# "Container image"), on a machine without internet access to mcr.microsoft.com and without a Docker daemon:
#   1. a base image from Debian's own packages: `debootstrap --variant=minbase` of the running Debian release (from the
#      apt mirror this machine uses) plus the ASP.NET Core runtime of this machine's dotnet, the non-root user `app`
#      (UID 1654, as in Microsoft's images) and an empty /data owned by it (cached in artifacts/container/base/);
#   2. that base served by Debian's `docker-registry` on a loopback port, for the length of this script;
#   3. `dotnet publish -t:PublishContainer` on top of it, written to artifacts/container/faktum-licensing-server.tar.
# Installs debootstrap, docker-registry, podman (it builds the base from the root file system) and runc with apt when
# missing. ContainerImageTests (tests/Faktum.Licensing.Server.Tests) checks the archive and runs it with podman.
# With a registry that serves mcr.microsoft.com none of this is needed: `dotnet publish src/Faktum.Licensing.Server
# -c Release -t:PublishContainer` uses the csproj's base image (aspnet:10.0-noble-chiseled).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$root/artifacts/container"
base="$out/base"
archive="$out/faktum-licensing-server.tar"
mkdir -p "$out"
started=$(date +%s)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

missing=()
command -v debootstrap >/dev/null || missing+=(debootstrap)
command -v docker-registry >/dev/null || missing+=(docker-registry)
command -v podman >/dev/null || missing+=(podman)
command -v runc >/dev/null || missing+=(runc)
if [ ${#missing[@]} -gt 0 ]; then
  echo "container: installing Debian's ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
runtime=$(ls "$dotnet_root/shared/Microsoft.AspNetCore.App" | sort -V | tail -1)
release=$(. /etc/os-release && echo "$VERSION_CODENAME")
mirror=$(grep -rhoE '^(URIs:|deb) +https?://[^ ]+/debian/?' /etc/apt/sources.list /etc/apt/sources.list.d/ 2>/dev/null | awk '{print $2}' | grep -v security | head -1 || true)
tag="$release-aspnet-$runtime"

# 1. The base root file system (debootstrap takes a minute; kept between runs, rebuilt when the runtime changes).
if [ ! -f "$base/$tag.tar" ]; then
  echo "container: debootstrap $release from ${mirror:-http://deb.debian.org/debian}, ASP.NET Core $runtime"
  rm -rf "$base" && mkdir -p "$base"
  rootfs="$base/rootfs"
  as_root debootstrap --variant=minbase --include=ca-certificates,libicu72,libssl3,tzdata "$release" "$rootfs" "${mirror:-http://deb.debian.org/debian}" >"$base/debootstrap.log" 2>&1 \
    || { tail -20 "$base/debootstrap.log" >&2; exit 1; }
  as_root mkdir -p "$rootfs/usr/share/dotnet/shared" "$rootfs/home/app" "$rootfs/data"
  as_root cp -a "$dotnet_root/dotnet" "$dotnet_root/host" "$rootfs/usr/share/dotnet/"
  for framework in Microsoft.NETCore.App Microsoft.AspNetCore.App; do
    as_root mkdir -p "$rootfs/usr/share/dotnet/shared/$framework"
    as_root cp -a "$dotnet_root/shared/$framework/$runtime" "$rootfs/usr/share/dotnet/shared/$framework/"
  done
  as_root ln -sf /usr/share/dotnet/dotnet "$rootfs/usr/bin/dotnet"
  echo 'app:x:1654:1654::/home/app:/usr/sbin/nologin' | as_root tee -a "$rootfs/etc/passwd" >/dev/null
  echo 'app:x:1654:' | as_root tee -a "$rootfs/etc/group" >/dev/null
  as_root chown 1654:1654 "$rootfs/home/app" "$rootfs/data"
  as_root rm -rf "$rootfs"/var/cache/apt/* "$rootfs"/var/lib/apt/lists/* "$rootfs"/usr/share/doc/* "$rootfs"/usr/share/man/* "$rootfs"/var/log/*
  as_root tar -C "$rootfs" --numeric-owner -cf "$base/$tag.tar" .
  as_root rm -rf "$rootfs"
fi

# 2. A loopback registry for the base, only while this script runs.
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
registry="127.0.0.1:$port"
storage=$(mktemp -d)
printf 'version: 0.1\nstorage:\n  filesystem:\n    rootdirectory: %s\nhttp:\n  addr: %s\n' "$storage" "$registry" > "$storage/config.yml"
docker-registry serve "$storage/config.yml" >"$storage/registry.log" 2>&1 &
registry_pid=$!
trap 'kill "$registry_pid" 2>/dev/null || true; rm -rf "$storage"' EXIT
for _ in $(seq 1 100); do curl -sf "http://$registry/v2/" >/dev/null && break; sleep 0.1; done

cat > "$storage/Containerfile" <<EOF
FROM scratch
ADD $tag.tar /
ENV DOTNET_ROOT=/usr/share/dotnet APP_UID=1654 DOTNET_RUNNING_IN_CONTAINER=true
USER 1654
VOLUME /data
EOF
podman build -q --format oci -t "$registry/faktum/aspnet:$tag" -f "$storage/Containerfile" "$base" >/dev/null
podman push -q --format oci --tls-verify=false "$registry/faktum/aspnet:$tag"

# 3. The image, as an OCI archive.
rm -f "$archive"
DOTNET_CONTAINER_INSECURE_REGISTRIES="$registry" dotnet publish "$root/src/Faktum.Licensing.Server" -c Release -t:PublishContainer \
  -p:ContainerBaseImage="$registry/faktum/aspnet:$tag" -p:ContainerImageFormat=OCI -p:ContainerArchiveOutputPath="$archive" -v:q -nologo
echo "container: $archive ($(du -h "$archive" | cut -f1)) in $(( $(date +%s) - started )) s"
