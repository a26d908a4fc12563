#!/usr/bin/env bash
# The base image the image tests build on where no registry can be reached (as in CI here):
# Debian 12 with its OpenJDK 17 JRE and curl, made from Debian's packages by debootstrap and
# saved as a docker-archive tarball for Jib (-Dquarkus.jib.base-jvm-image=tar://<file>).
# Production images use eclipse-temurin:17-jre (service-support's configuration).
# Needs root, debootstrap and podman (to write the archive). Usage: test-base.sh <tarball>
set -euo pipefail
out=${1:?usage: test-base.sh <tarball>}
mirror=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
if [ -s "$out" ]; then
  echo "test base image: $out exists"
  exit 0
fi
root=$(mktemp -d)
trap 'rm -rf "$root"' EXIT
debootstrap --variant=minbase --include=openjdk-17-jre-headless,curl,ca-certificates \
  bookworm "$root" "$mirror" > "$out.log" 2>&1 || { tail -20 "$out.log"; exit 1; }
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc \
  "$root"/usr/share/man
tar -C "$root" -c . | podman import --quiet - localhost/yrd-test-base:17 > /dev/null
podman save --quiet --format docker-archive -o "$out.tmp" localhost/yrd-test-base:17
mv "$out.tmp" "$out"
rm -f "$out.log"
echo "test base image: $out ($(du -h "$out" | cut -f1))"
