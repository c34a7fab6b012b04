#!/usr/bin/env bash
# The release build of the Linux bundle and .deb, made on the oldest userland this workplace can
# reach: Debian 11 "bullseye" (glibc 2.31), so that the package starts on glibc-2.31-class
# systems (银河麒麟 V10 SP1, Debian 11, Ubuntu 20.04 …) and not only on the build host's glibc.
#
#   1. build/bullseye/root      debootstrap --variant=buildd bullseye (reused when present)
#   2. Python 3.11 in the root  Debian's own source package python3.11 (bookworm's, fetched with
#                               apt-get source through a deb-src line) rebuilt there with
#                               dpkg-buildpackage; the .debs stay in the root and are reused
#   3. /opt/perfdesk-venv       PerfDesk's dependencies as wheels only, PySide6 pinned by
#                               packaging/linux/bullseye-constraints.txt (manylinux_2_28)
#   4. a copy of the source     scripts/build_bundle.sh (PyInstaller, build.spec) and
#      in the root              packaging/linux/build_deb.sh, run inside the root with
#                               PERFDESK_BUILD_KIND=release-bullseye (recorded in the bundle's
#                               _internal/perfdesk-build-info.json)
#   5. dist/bullseye/           PerfDesk/ (the bundle) and perfdesk_<version>_<arch>.deb
#
# The first run takes about 17 min on 2 cores (debootstrap and build dependencies ~2 min, the
# Python build ~14 min); a rerun reuses the root, the Python packages and the venv (~80 s).
# --test adds ~90 s.
# Needs root (debootstrap, chroot, mount), debootstrap, and network access to a Debian mirror
# and to PyPI. Logs: build/bullseye/logs/.
#
# Usage: sudo bash packaging/linux/build_bullseye.sh [--fresh] [--test]
#   --fresh   delete build/bullseye/root first (everything is rebuilt)
#   --test    afterwards: the glibc floor test and the frozen smoke test on dist/bullseye/PerfDesk
#             (host .venv), and the .deb in a clean bullseye root (test_deb_clean_root.sh)
# Environment: BULLSEYE_ROOT (default build/bullseye/root), DEBIAN_MIRROR.
set -euo pipefail
cd "$(dirname "$0")/../.."
SRC=$(pwd)
ROOT=${BULLSEYE_ROOT:-$SRC/build/bullseye/root}
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
LOGS=$SRC/build/bullseye/logs
OUT=$SRC/dist/bullseye
VENV=/opt/perfdesk-venv
FRESH=0
TEST=0
for arg in "$@"; do
  case $arg in
    --fresh) FRESH=1 ;;
    --test) TEST=1 ;;
    *) echo "usage: $0 [--fresh] [--test]" >&2; exit 2 ;;
  esac
done
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap, chroot, mount)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 2; }
mkdir -p "$LOGS"
start=$(date +%s)
step() { echo "==> [$(( $(date +%s) - start )) s] $*"; }

unmount_all() {
  for m in dev/shm dev/pts proc; do
    mountpoint -q "$ROOT/$m" 2>/dev/null && umount -l "$ROOT/$m" || true
  done
}
trap unmount_all EXIT

if [ "$FRESH" = 1 ] && [ -d "$ROOT" ]; then
  step "--fresh: deleting $ROOT"
  unmount_all
  rm -rf --one-file-system "$ROOT"
fi

# --- 1. the root --------------------------------------------------------------------------------
if [ ! -f "$ROOT/.perfdesk-root" ]; then
  step "debootstrap --variant=buildd bullseye into $ROOT (log: $LOGS/debootstrap.log)"
  rm -rf --one-file-system "$ROOT"
  mkdir -p "$(dirname "$ROOT")"
  debootstrap --variant=buildd bullseye "$ROOT" "$MIRROR" >"$LOGS/debootstrap.log" 2>&1
  cat > "$ROOT/etc/apt/sources.list" <<EOF
deb $MIRROR bullseye main
deb $MIRROR bullseye-updates main
deb ${MIRROR%/debian}/debian-security bullseye-security main
EOF
  # Source packages only from bookworm: Python 3.11 is built here, nothing binary comes from 12.
  echo "deb-src $MIRROR bookworm main" > "$ROOT/etc/apt/sources.list.d/bookworm-src.list"
  touch "$ROOT/.perfdesk-root"
fi
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
mountpoint -q "$ROOT/proc" || mount -t proc proc "$ROOT/proc"
mkdir -p "$ROOT/dev/shm" "$ROOT/dev/pts"
# Python's configure runs sem_open: without /dev/shm it records POSIX semaphores as broken
mountpoint -q "$ROOT/dev/shm" || mount -t tmpfs -o mode=1777 shm "$ROOT/dev/shm"
mountpoint -q "$ROOT/dev/pts" || mount -t devpts -o newinstance,ptmxmode=0666 devpts "$ROOT/dev/pts"
in_root() { chroot "$ROOT" /usr/bin/env -i HOME=/root PATH=/usr/sbin:/usr/bin:/sbin:/bin \
  LANG=C.UTF-8 DEBIAN_FRONTEND=noninteractive "$@"; }

# The Qt runtime libraries (PyInstaller collects the xcb platform plugin only when they are
# there, and build_deb.sh computes Depends from them; PySide6 6.9's xcb plugin also links
# libxcb-randr0), binutils for strip/objdump, bullseye's pip to fetch pip for the venv.
QT_RUNTIME=(libegl1 libgl1 libx11-6 libdbus-1-3 libfontconfig1 libfreetype6 libglib2.0-0
  libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 libxcb-render-util0
  libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1 libxkbcommon-x11-0 libxcb-randr0 binutils
  python3-pip ca-certificates)
missing=()
for p in "${QT_RUNTIME[@]}"; do
  in_root dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  step "apt-get install in the root: ${missing[*]}"
  in_root apt-get update -q >"$LOGS/apt.log" 2>&1
  in_root apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$LOGS/apt.log" 2>&1
fi
# Trust the same local CA certificates as the build host (pip fetches from PyPI over TLS; a
# site with a TLS-inspecting proxy installs its CA there).
if ls /usr/local/share/ca-certificates/*.crt >/dev/null 2>&1; then
  mkdir -p "$ROOT/usr/local/share/ca-certificates"
  cp /usr/local/share/ca-certificates/*.crt "$ROOT/usr/local/share/ca-certificates/"
  in_root update-ca-certificates >/dev/null 2>&1
fi
step "root: $(in_root sh -c '. /etc/os-release; echo "$PRETTY_NAME"'), $(in_root ldd --version | head -1)"

# --- 2. Python 3.11 from Debian's source package -----------------------------------------------
PYDEBS=(python3.11 python3.11-minimal libpython3.11 libpython3.11-stdlib libpython3.11-minimal)
if ! in_root dpkg -s "${PYDEBS[@]}" >/dev/null 2>&1; then
  if ! ls "$ROOT"/build/python/python3.11_*.deb >/dev/null 2>&1; then
    step "building Python 3.11 from Debian's source package in the root (~15 min; log: $LOGS/python-build.log)"
    mkdir -p "$ROOT/build/python"
    cat > "$ROOT/build/python/build.sh" <<'EOF'
set -eux
cd /build/python
apt-get update -q
ls python3.11_*.dsc >/dev/null 2>&1 || apt-get source -q --download-only python3.11
rm -rf python3.11-3.11*/
dpkg-source -x python3.11_*.dsc
cd python3.11-3.11*/
# bookworm's Build-Depends name valgrind-if-available, a package bullseye does not have; the
# rules then configure without --with-valgrind (valgrind annotations of the allocator only).
sed -i '/^  valgrind-if-available,$/d' debian/control debian/control.in
version=$(dpkg-parsechangelog -S Version)
{
  echo "python3.11 (${version}~deb11perfdesk1) bullseye; urgency=medium"
  echo
  echo "  * Rebuilt on Debian 11 for PerfDesk's release bundle (packaging/linux/build_bullseye.sh)."
  echo "  * Build-Depends: no valgrind-if-available (not in bullseye)."
  echo "  * DEB_BUILD_OPTIONS=nocheck nobench nopgo nolto (build time on 2 cores);"
  echo "    build profile pkg.python3.11.nobluetooth."
  echo
  echo " -- PerfDesk <perfdesk@localhost>  $(date -R)"
  echo
  cat debian/changelog
} > debian/changelog.new
mv debian/changelog.new debian/changelog
# Profiles: no tests, no docs, and no Bluetooth sockets (PerfDesk has no use for them, and it
# spares libbluetooth-dev, whose security update has been missing from the mirror's pool).
profiles=nocheck,nodoc,pkg.python3.11.nobluetooth
apt-get build-dep -y -q -P "$profiles" ./
export DEB_BUILD_OPTIONS="nocheck nobench nopgo nolto nodoc parallel=$(nproc)"
dpkg-buildpackage -B -us -uc -P"$profiles"
ls -l /build/python/*.deb
cd /build/python && rm -rf python3.11-3.11*/   # 2 GB of build tree; the .debs are kept
EOF
    in_root bash /build/python/build.sh >"$LOGS/python-build.log" 2>&1 \
      || { echo "Python build failed, see $LOGS/python-build.log" >&2; tail -30 "$LOGS/python-build.log" >&2; exit 1; }
  fi
  step "installing the Python 3.11 packages built in the root"
  debs=()
  for p in "${PYDEBS[@]}"; do
    debs+=("$(cd "$ROOT" && ls build/python/"${p}"_*.deb | sed 's,^,/,' | tail -1)")
  done
  in_root apt-get install -y -q --no-install-recommends "${debs[@]}" >>"$LOGS/apt.log" 2>&1
fi
step "python: $(in_root python3.11 -c 'import sys; print(sys.version.replace(chr(10), " "))')"

# --- 3. the build venv --------------------------------------------------------------------------
if [ ! -x "$ROOT$VENV/bin/pip" ]; then
  step "creating $VENV in the root (pip from PyPI; Debian's python3.11-venv needs bookworm's pip)"
  # python3.11-venv (ensurepip) depends on bookworm's python3-pip-whl, which bullseye lacks:
  # make the venv without pip, fetch pip's wheel with bullseye's own pip, install it from itself.
  rm -rf "$ROOT$VENV" "$ROOT/build/wheels"
  in_root python3.11 -m venv --without-pip "$VENV"
  in_root python3 -m pip download -q --no-deps --only-binary=:all: -d /build/wheels \
    "pip>=24" >"$LOGS/pip.log" 2>&1
  wheel=$(cd "$ROOT" && ls build/wheels/pip-*.whl | head -1)
  in_root "$VENV/bin/python" "/$wheel/pip" install -q --no-index "/$wheel" >>"$LOGS/pip.log" 2>&1
fi

# --- 4. the bundle and the .deb, from a copy of the source --------------------------------------
step "copying the source tree into the root (/src)"
rm -rf --one-file-system "$ROOT/src"
mkdir -p "$ROOT/src"
tar -C "$SRC" --exclude=./.git --exclude=./.venv --exclude=./build --exclude=./dist \
  --exclude=./out --exclude='*/__pycache__' --exclude=./.pytest_cache --exclude=./.ruff_cache \
  --exclude=./.hypothesis -cf - . | tar -C "$ROOT/src" -xf -

step "pip install (wheels only; constraints: packaging/linux/bullseye-constraints.txt)"
in_root sh -c "cd /src && $VENV/bin/python -m pip install -q --disable-pip-version-check \
  --only-binary=:all: -c packaging/linux/bullseye-constraints.txt -e . 'pyinstaller>=6.5'" \
  >>"$LOGS/pip.log" 2>&1 || { tail -20 "$LOGS/pip.log" >&2; exit 1; }
in_root "$VENV/bin/python" -m pip list --format=freeze >"$LOGS/pip-freeze.txt" 2>/dev/null
step "in the venv: $(grep -iE '^(pyside6[-_]essentials|shiboken6|lxml|pyinstaller)==' "$LOGS/pip-freeze.txt" | tr '\n' ' ')"

step "PyInstaller and build_deb.sh in the root (log: $LOGS/bundle.log)"
in_root sh -c "cd /src && export PYTHON=$VENV/bin/python PERFDESK_BUILD_KIND=release-bullseye \
  && bash scripts/build_bundle.sh && bash packaging/linux/build_deb.sh" >"$LOGS/bundle.log" 2>&1 \
  || { tail -30 "$LOGS/bundle.log" >&2; exit 1; }
grep '^==>' "$LOGS/bundle.log" || true

# --- 5. results ---------------------------------------------------------------------------------
rm -rf "$OUT"
mkdir -p "$OUT"
cp -a "$ROOT/src/dist/PerfDesk" "$OUT/PerfDesk"
cp -a "$ROOT"/src/dist/perfdesk_*.deb "$OUT/"
DEB=$(ls "$OUT"/perfdesk_*.deb | head -1)
step "done: $OUT/PerfDesk ($(du -sh "$OUT/PerfDesk" | cut -f1)), $DEB ($(du -h "$DEB" | cut -f1))"
echo "    Depends: $(dpkg-deb -f "$DEB" Depends)"

if [ "$TEST" = 1 ]; then
  unmount_all
  PY=${PYTHON:-$SRC/.venv/bin/python}
  step "glibc floor test and frozen smoke test on $OUT/PerfDesk"
  PERFDESK_BUNDLE="$OUT/PerfDesk" QT_QPA_PLATFORM=offscreen "$PY" -m pytest -q \
    -p no:cacheprovider tests/packaging/test_glibc_floor.py tests/packaging/test_release_bundle.py \
    tests/packaging/test_frozen.py
  step "the .deb in a clean bullseye root"
  bash packaging/linux/test_deb_clean_root.sh --suite bullseye "$DEB"
  step "all checks passed"
fi
