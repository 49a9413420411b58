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

# The newest JDK under /usr/lib/jvm, when it is newer than the default java: the kernel is tested on both ends.
default_major=$(java -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')
newest="" newest_major=0
for candidate in /usr/lib/jvm/*/bin/java; do
    [ -x "$candidate" ] || continue
    major=$("$candidate" -version 2>&1 | awk -F'"' '/version/ { split($2, v, "."); print v[1]; exit }')
    if [[ $major =~ ^[0-9]+$ ]] && (( major > newest_major )); then
        newest=$(dirname "$(dirname "$candidate")") newest_major=$major
    fi
done

SLUICE_EXPECT_JAVA=$default_major "$py" -m pytest -p no:cacheprovider -q "${tests[@]}" "$@"
if (( newest_major > default_major )); then
    echo "Kernel tests again on Java $newest_major ($newest):"
    JAVA_HOME=$newest SLUICE_EXPECT_JAVA=$newest_major exec "$py" -m pytest -p no:cacheprovider -q "${tests[@]}" "$@"
elif [ "${CI:-}" = "true" ]; then
    echo "ERROR: no JDK newer than Java $default_major under /usr/lib/jvm; CI tests the kernel on the newest JDK too (Temurin 25)." >&2
    exit 1
else
    echo "SKIPPED the second pass: no JDK newer than Java $default_major under /usr/lib/jvm."
fi
