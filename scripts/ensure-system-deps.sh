#!/usr/bin/env bash
# Make sure the Debian packages Tilsyn needs outside the venv are installed:
# the shared libraries Qt 6 loads (offscreen and xcb), poppler-utils for the PDF tests,
# xvfb for a real window without a screen, DejaVu fonts, binutils for PyInstaller and the
# PostgreSQL 15 server binaries for the test cluster.
# Silent and fast when everything is there; installs what is missing otherwise.
set -euo pipefail

missing=()
need() { # need PACKAGE: remember it once
    local p
    for p in "${missing[@]+"${missing[@]}"}"; do [[ $p == "$1" ]] && return 0; done
    missing+=("$1")
}

# One ldconfig call; its lines look like "<TAB>libEGL.so.1 (libc6,x86-64) => /lib/...".
declare -A libs=()
while read -r so _; do
    libs[$so]=1
done < <(ldconfig -p 2>/dev/null || /sbin/ldconfig -p 2>/dev/null || true)
have_lib() { [[ -n ${libs[$1]-} ]]; }

# shared library (soname) -> Debian package
while read -r so pkg; do
    have_lib "$so" || need "$pkg"
done <<'EOF'
libEGL.so.1 libegl1
libGL.so.1 libgl1
libxkbcommon.so.0 libxkbcommon0
libxkbcommon-x11.so.0 libxkbcommon-x11-0
libfontconfig.so.1 libfontconfig1
libfreetype.so.6 libfreetype6
libdbus-1.so.3 libdbus-1-3
libglib-2.0.so.0 libglib2.0-0
libX11-xcb.so.1 libx11-xcb1
libxcb-cursor.so.0 libxcb-cursor0
libxcb-icccm.so.4 libxcb-icccm4
libxcb-image.so.0 libxcb-image0
libxcb-keysyms.so.1 libxcb-keysyms1
libxcb-randr.so.0 libxcb-randr0
libxcb-render-util.so.0 libxcb-render-util0
libxcb-shape.so.0 libxcb-shape0
libxcb-shm.so.0 libxcb-shm0
libxcb-sync.so.1 libxcb-sync1
libxcb-xfixes.so.0 libxcb-xfixes0
libxcb-xkb.so.1 libxcb-xkb1
EOF

# command -> Debian package
while read -r cmd pkg; do
    command -v "$cmd" >/dev/null 2>&1 || need "$pkg"
done <<'EOF'
pdftotext poppler-utils
pdftoppm poppler-utils
xvfb-run xvfb
Xvfb xvfb
xauth xauth
objdump binutils
EOF

[[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ]] || need fonts-dejavu-core

# PostgreSQL server binaries: on PATH, or where Debian puts them.
have_pg=no
if command -v initdb >/dev/null 2>&1 && command -v pg_ctl >/dev/null 2>&1; then
    have_pg=yes
else
    for d in /usr/lib/postgresql/*/bin; do
        if [[ -x $d/initdb && -x $d/pg_ctl ]]; then have_pg=yes; break; fi
    done
fi

if [[ ${#missing[@]} -eq 0 && $have_pg == yes ]]; then
    exit 0
fi

if [[ $(id -u) -eq 0 ]]; then
    sudo=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
else
    sudo=(none)
fi

pg_pkg=()
if [[ $have_pg == no ]]; then
    pg_pkg=(postgresql-15)
fi

if [[ ${sudo[0]-} == none ]]; then
    # No way to install: name the exact command for a person to run.
    [[ $have_pg == no ]] && need postgresql-15
    echo "Missing system packages / Manglende systempakker: ${missing[*]}" >&2
    echo "Run as root / Kør som root:" >&2
    echo "  apt-get update && apt-get install -y --no-install-recommends ${missing[*]}" >&2
    exit 1
fi

export DEBIAN_FRONTEND=noninteractive
echo "Installing system packages / Installerer systempakker: ${missing[*]} ${pg_pkg[*]-}" >&2
"${sudo[@]+"${sudo[@]}"}" apt-get update -qq
if [[ $have_pg == no ]]; then
    # Debian 12 has postgresql-15; on other releases take whatever `postgresql` points at.
    if ! apt-cache policy postgresql-15 2>/dev/null | grep -q 'Candidate: [0-9]'; then
        pg_pkg=(postgresql)
    fi
fi
"${sudo[@]+"${sudo[@]}"}" apt-get install -y -qq --no-install-recommends \
    "${missing[@]+"${missing[@]}"}" "${pg_pkg[@]+"${pg_pkg[@]}"}" >&2
