#!/usr/bin/env bash
# Removes a kernelspec that install/install.sh put in place.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: install/uninstall.sh [--prefix DIR] [--name NAME]

Removes the Jupyter kernelspec NAME (default: sluice) that install/install.sh
installed, from DIR/share/jupyter/kernels when --prefix is given, else from the
current user's Jupyter data dir.
EOF
}

die() {
    echo "uninstall.sh: $*" >&2
    exit 1
}

needs_value() {
    [[ $# -ge 2 ]] || die "$1 needs a value; see --help."
}

name=sluice
prefix=""
while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) needs_value "$@"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --name) needs_value "$@"; name=$2; shift 2 ;;
        --name=*) name=${1#*=}; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1'; see --help." ;;
    esac
done
[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || die "the name '$name' may hold only letters, digits, '.', '_' and '-'."

# The same folder install.sh chose.
if [[ -n $prefix ]]; then
    share=$prefix/share/jupyter
elif command -v jupyter >/dev/null && data_dir=$(jupyter --data-dir 2>/dev/null) && [[ -n $data_dir ]]; then
    share=$data_dir
else
    share=$HOME/.local/share/jupyter
fi
dir=$share/kernels/$name

[[ -f $dir/kernel.json ]] || die "no kernelspec '$name' in $share/kernels; nothing removed."

# Putting this folder first on JUPYTER_PATH makes jupyter remove exactly it, not a namesake elsewhere.
if command -v jupyter >/dev/null && jupyter kernelspec --help >/dev/null 2>&1; then
    JUPYTER_PATH=$share jupyter kernelspec remove -f "$name" >/dev/null 2>&1 || true
fi
if [[ -e $dir ]]; then
    rm -rf "$dir"
fi
echo "Removed the kernelspec '$name' from $dir"
