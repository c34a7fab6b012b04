#!/usr/bin/env bash
# Wrap the PyInstaller bundle (dist/PerfDesk) as a .deb for 统信UOS / 银河麒麟 / Debian:
#   /opt/perfdesk/                      the bundle (PerfDesk, perfdesk-cli, _internal/)
#   /usr/bin/perfdesk                   wrapper → /opt/perfdesk/perfdesk-cli (GUI without arguments)
#   /usr/share/applications/perfdesk.desktop, hicolor icons, shared-mime-info for *.perfdesk
# Depends is computed from the bundle: the Debian packages owning every system library its
# binaries link to directly (resolved with ldd on this machine; the build fails if one is missing),
# libc6 (>= the newest GLIBC symbol version used), and a CJK font.
# The menu, MIME and icon caches are refreshed by dpkg triggers (shared-mime-info,
# desktop-file-utils, gtk-update-icon-cache), so the package has no maintainer scripts.
#
# Usage: bash packaging/linux/build_deb.sh [--build]     → dist/perfdesk_<version>_<arch>.deb
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
PY=${PYTHON:-.venv/bin/python}
BUNDLE=dist/PerfDesk

if [ "${1:-}" = "--build" ] || [ ! -x "$BUNDLE/PerfDesk" ]; then
  bash scripts/build_bundle.sh
fi
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed (apt-get install dpkg)" >&2; exit 2; }

VERSION=$("$PY" -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')
ARCH=$(dpkg --print-architecture)
PKG=perfdesk
STAGE=build/deb/${PKG}_${VERSION}_${ARCH}
OUT=dist/${PKG}_${VERSION}_${ARCH}.deb

rm -rf "$STAGE"
mkdir -p "$STAGE/DEBIAN" "$STAGE/opt" "$STAGE/usr/bin" "$STAGE/usr/share/applications" \
  "$STAGE/usr/share/mime/packages" "$STAGE/usr/share/doc/$PKG" \
  "$STAGE/usr/share/icons/hicolor/256x256/apps" "$STAGE/usr/share/icons/hicolor/scalable/apps" \
  "$STAGE/usr/share/icons/hicolor/256x256/mimetypes" \
  "$STAGE/usr/share/icons/hicolor/scalable/mimetypes"

echo "==> staging $BUNDLE as /opt/$PKG"
cp -a "$BUNDLE" "$STAGE/opt/$PKG"

cat > "$STAGE/usr/bin/perfdesk" <<'EOF'
#!/bin/sh
# PerfDesk: `perfdesk` starts the desktop application, `perfdesk --help` lists the commands.
exec /opt/perfdesk/perfdesk-cli "$@"
EOF
# the user guide's PDF, where Debian keeps a package's documentation
ln -s "/opt/$PKG/_internal/docs/user-guide.pdf" "$STAGE/usr/share/doc/$PKG/user-guide.pdf"
install -m 0644 packaging/linux/perfdesk.desktop "$STAGE/usr/share/applications/perfdesk.desktop"
install -m 0644 packaging/linux/perfdesk-mime.xml "$STAGE/usr/share/mime/packages/perfdesk.xml"
ICONS=resources/icons
install -m 0644 "$ICONS/perfdesk.png" "$STAGE/usr/share/icons/hicolor/256x256/apps/perfdesk.png"
install -m 0644 "$ICONS/perfdesk.svg" "$STAGE/usr/share/icons/hicolor/scalable/apps/perfdesk.svg"
install -m 0644 "$ICONS/perfdesk.png" \
  "$STAGE/usr/share/icons/hicolor/256x256/mimetypes/application-x-perfdesk.png"
install -m 0644 "$ICONS/perfdesk.svg" \
  "$STAGE/usr/share/icons/hicolor/scalable/mimetypes/application-x-perfdesk.svg"
cat > "$STAGE/usr/share/doc/$PKG/copyright" <<EOF
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: PerfDesk
Comment: /opt/perfdesk/_internal carries Python (PSF License), Qt 6 and PySide6 (LGPLv3),
 python-docx, docxtpl, openpyxl, Jinja2, lxml and MarkupSafe (MIT/BSD licences).

Files: *
Copyright: $(date -u +%Y) PerfDesk
License: Proprietary
EOF
# Debian changelog (required in a binary package's doc folder), one entry for this build.
cat > "$STAGE/usr/share/doc/$PKG/changelog" <<EOF
$PKG ($VERSION) unstable; urgency=medium

  * PerfDesk $VERSION, packaged from the PyInstaller bundle (see docs/install.md).

 -- PerfDesk <perfdesk@localhost>  $(date -u -R)
EOF
gzip -9nf "$STAGE/usr/share/doc/$PKG/changelog"

# Normalise permissions: directories and executables 0755, everything else (shared libraries
# included) 0644.
find "$STAGE" -type d -exec chmod 0755 {} +
find "$STAGE" -type f -exec chmod 0644 {} +
chmod 0755 "$STAGE/usr/bin/perfdesk" "$STAGE/opt/$PKG/PerfDesk" "$STAGE/opt/$PKG/perfdesk-cli"

echo "==> computing Depends from the bundle's shared libraries"
mapfile -t ELF_FILES < <(find "$STAGE/opt/$PKG" -type f \( -name '*.so' -o -name '*.so.*' \
  -o -name PerfDesk -o -name perfdesk-cli \))
missing=$(for f in "${ELF_FILES[@]}"; do
  LD_LIBRARY_PATH="$STAGE/opt/$PKG/_internal" ldd "$f" 2>/dev/null | grep 'not found' || true
done | sort -u)
if [ -n "$missing" ]; then
  echo "system libraries missing on this build machine (install them, see scripts/setup.sh):" >&2
  echo "$missing" >&2
  exit 1
fi
owner() {  # the Debian package that owns a library file (merged /usr aware)
  local p=$1 real
  real=$(readlink -f "$p")
  for cand in "$p" "$real" "${p#/usr}" "/usr$p" "${real#/usr}" "/usr$real"; do
    if dpkg -S "$cand" >/dev/null 2>&1; then
      dpkg -S "$cand" 2>/dev/null | head -1 | cut -d: -f1
      return
    fi
  done
  echo "WARNING: no package owns $p" >&2
}
# Direct dependencies only (DT_NEEDED of the bundle's files that the bundle does not carry);
# their own dependencies come with their packages.
mapfile -t SYSLIBS < <(for f in "${ELF_FILES[@]}"; do
  needed=$(objdump -p "$f" 2>/dev/null | awk '$1 == "NEEDED" {print $2}')
  [ -n "$needed" ] || continue
  LD_LIBRARY_PATH="$STAGE/opt/$PKG/_internal" ldd "$f" 2>/dev/null \
    | awk -v needed="$needed" 'BEGIN {n = split(needed, a, "\n"); for (i = 1; i <= n; i++) want[a[i]] = 1}
                               $2 == "=>" && ($1 in want) && $3 ~ /^\// {print $3}' \
    | grep -v "^$ROOT/" || true
done | sort -u)
DEPS=$(for lib in "${SYSLIBS[@]}"; do owner "$lib"; done | grep -v '^libc6$' | sort -u | tr '\n' ' ')
GLIBC_MIN=$(for f in "${ELF_FILES[@]}"; do objdump -T "$f" 2>/dev/null; done \
  | grep -o 'GLIBC_[0-9][0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
DEPENDS="libc6 (>= $GLIBC_MIN)"
for d in $DEPS; do DEPENDS="$DEPENDS, $d"; done
DEPENDS="$DEPENDS, fonts-noto-cjk | fonts-wqy-microhei | fonts-wqy-zenhei"

INSTALLED_SIZE=$(du -sk --exclude=DEBIAN "$STAGE" | cut -f1)
cat > "$STAGE/DEBIAN/control" <<EOF
Package: $PKG
Version: $VERSION
Architecture: $ARCH
Maintainer: PerfDesk <perfdesk@localhost>
Installed-Size: $INSTALLED_SIZE
Depends: $DEPENDS
Recommends: shared-mime-info, desktop-file-utils
Suggests: libreoffice-writer-nogui | libreoffice-writer, libreoffice-calc-nogui | libreoffice-calc
Section: misc
Priority: optional
Homepage: https://localhost/perfdesk
Description: 部门整体支出绩效自评报告助手 (PerfDesk)
 Offline desktop program for county budget units: enter the figures of
 the yearly departmental expenditure performance self-evaluation report
 once, check them, and generate the Word report and the Excel attachments.
 .
 离线使用：录入一次数据，自动审核，
 一键生成 Word 报告与 Excel 附件。
 PDF export uses LibreOffice when it is installed.
EOF

mkdir -p dist
dpkg-deb --root-owner-group -Zxz --build "$STAGE" "$OUT" >/dev/null
echo "==> $OUT ($(du -h "$OUT" | cut -f1)); Depends: $DEPENDS"
