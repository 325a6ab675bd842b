#!/usr/bin/env bash
# Build the Debian base image locally with debootstrap and import it under the name the
# Containerfile starts FROM, for machines that reach a Debian mirror but no image registry.
# Usage (as root): deploy/base-image.sh [image-name]   (default docker.io/library/debian:bookworm-slim)
# The mirror is the one apt on this machine uses (DEBIAN_MIRROR overrides it).
set -euo pipefail
IMAGE="${1:-docker.io/library/debian:bookworm-slim}"
SUITE=bookworm

if podman image exists "$IMAGE"; then
  echo "base image $IMAGE exists"
  exit 0
fi
command -v debootstrap >/dev/null || { echo "debootstrap is missing: apt-get install debootstrap" >&2; exit 1; }

mirror="${DEBIAN_MIRROR:-}"
if [ -z "$mirror" ]; then
  # deb822 sources (URIs: …) or one-line sources (deb URL suite …); the first main archive wins.
  mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -n1 || true)
  [ -n "$mirror" ] || mirror=$(grep -hs '^deb ' /etc/apt/sources.list | awk '{print $2}' | grep -v security | head -n1 || true)
  mirror="${mirror:-http://deb.debian.org/debian}"
fi

root=$(mktemp -d /var/tmp/seta-rootfs.XXXXXX)
trap 'rm -rf "$root"' EXIT
echo "debootstrap $SUITE from $mirror"
debootstrap --variant=minbase "$SUITE" "$root" "$mirror"
# What the official -slim images leave out: documentation, manual pages, translations, apt lists.
mkdir -p "$root/etc/dpkg/dpkg.cfg.d"
cat > "$root/etc/dpkg/dpkg.cfg.d/docker-slim" <<'CFG'
path-exclude /usr/share/doc/*
path-include /usr/share/doc/*/copyright
path-exclude /usr/share/man/*
path-exclude /usr/share/info/*
path-exclude /usr/share/locale/*
CFG
find "$root/usr/share/doc" -mindepth 1 -not -name copyright -not -type d -delete
rm -rf "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/usr/share/locale/* \
  "$root"/var/lib/apt/lists/* "$root"/var/cache/apt/*.bin "$root"/var/log/*.log
tar -C "$root" -c . | podman import --change 'CMD ["bash"]' - "$IMAGE"
echo "imported $IMAGE"
