#!/usr/bin/env bash
# Runs the kernel-level tests: the real kernel jar under Debian's Jupyter client (pytest).
# Outside CI they are skipped, with the reason, when the Python packages are missing; in CI they must run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)/.."
py=/usr/bin/python3
if ! "$py" -c 'import pytest, jupyter_client, nbclient, jupyter_kernel_test' 2>/dev/null; then
    msg="python3-pytest, python3-jupyter-client, python3-nbclient and python3-jupyter-kernel-test are needed (apt-get install them, or run .ci/run)"
    if [ "${CI:-}" = "true" ]; then
        echo "ERROR: kernel tests cannot run: $msg" >&2
        exit 1
    fi
    echo "SKIPPED kernel tests: $msg"
    exit 0
fi
cd "$root"
tests=(kernel/src/test/python)
[ -d install/tests ] && tests+=(install/tests)
exec "$py" -m pytest -p no:cacheprovider -q "${tests[@]}" "$@"
