#!/usr/bin/env bash
# Install the .deb into a freshly bootstrapped minimal Debian (a "clean machine"; Debian 12 by
# default, --suite bullseye for the release .deb built by build_bullseye.sh), then, as an
# ordinary user: check and render the demo report, open the main window offscreen, and remove
# the package again. Needs root, debootstrap and network access to a Debian mirror (~1 min,
# about 300 MB in the temporary root, deleted at the end).
#
# Usage: sudo bash packaging/linux/test_deb_clean_root.sh [--suite bookworm|bullseye] [DEB]
#   DEB defaults to the newest dist/perfdesk_*.deb (with --suite bullseye: dist/bullseye/…).
set -euo pipefail
cd "$(dirname "$0")/../.."
SUITE=bookworm
if [ "${1:-}" = "--suite" ]; then
  SUITE=${2:?--suite needs a name}
  shift 2
fi
case $SUITE in
  bookworm) DEFAULT_DIR=dist ;;
  bullseye) DEFAULT_DIR=dist/bullseye ;;
  *) echo "--suite: bookworm or bullseye" >&2; exit 2 ;;
esac
DEB=${1:-$(ls -t "$DEFAULT_DIR"/perfdesk_*.deb 2>/dev/null | head -1)}
[ -f "$DEB" ] || { echo "no .deb in $DEFAULT_DIR: build it first (packaging/linux/build_deb.sh or build_bullseye.sh)" >&2; exit 2; }
[ "$(id -u)" = 0 ] || { echo "needs root (debootstrap, chroot)" >&2; exit 2; }
command -v debootstrap >/dev/null || { echo "apt-get install debootstrap" >&2; exit 2; }
MIRROR=${DEBIAN_MIRROR:-http://deb.debian.org/debian}
ROOT=$(mktemp -d /tmp/perfdesk-cleanroot.XXXXXX)
chmod 0755 "$ROOT"  # it becomes "/" for an ordinary user
cleanup() {
  umount "$ROOT/proc" 2>/dev/null || true
  rm -rf --one-file-system "$ROOT"
}
trap cleanup EXIT

echo "==> debootstrap $SUITE (minbase) into $ROOT; testing $DEB"
debootstrap --variant=minbase "$SUITE" "$ROOT" "$MIRROR" >/dev/null
mount -t proc proc "$ROOT/proc"
cp /etc/resolv.conf "$ROOT/etc/resolv.conf"
cp "$DEB" "$ROOT/tmp/perfdesk.deb"
install -m 0644 resources/samples/demo.perfdesk "$ROOT/tmp/demo.perfdesk"

cat > "$ROOT/tmp/run.sh" <<'EOF'
set -eu
export DEBIAN_FRONTEND=noninteractive
. /etc/os-release
echo "==> $PRETTY_NAME, $(ldd --version | head -1)"
apt-get update -q >/dev/null
echo "==> apt-get install ./perfdesk.deb (pulls the Depends from the mirror)"
# fonts-wqy-microhei satisfies the CJK font alternative with 5 MB instead of 90
apt-get install -y -q --no-install-recommends /tmp/perfdesk.deb fonts-wqy-microhei >/dev/null
dpkg -s perfdesk | grep '^Status'
useradd -m clerk
su clerk -c '
  set -e
  cd ~
  perfdesk --version
  perfdesk check /tmp/demo.perfdesk
  perfdesk render /tmp/demo.perfdesk -o ~/输出
  ls ~/输出
  QT_QPA_PLATFORM=offscreen PERFDESK_QUIT_AFTER_SHOW=1 perfdesk /tmp/demo.perfdesk 2>/dev/null
  QT_QPA_PLATFORM=offscreen PERFDESK_QUIT_AFTER_SHOW=1 /opt/perfdesk/PerfDesk 2>/dev/null
'
if [ -f /usr/share/mime/application/x-perfdesk.xml ]; then
  echo "MIME type application/x-perfdesk registered"
else
  echo "(no shared-mime-info in this minimal root: *.perfdesk registers once it is installed)"
fi
echo "==> dpkg -r perfdesk"
dpkg -r perfdesk >/dev/null
test ! -e /opt/perfdesk && test ! -e /usr/bin/perfdesk && echo "removed; the user's files stay:"
ls /home/clerk/输出
EOF
chroot "$ROOT" sh /tmp/run.sh
echo "==> clean-root install test passed ($SUITE)"
