#!/usr/bin/env bash
# Builds the kernel jar, then installs the Sluice kernelspec with it: `java -jar sluice.jar install`
# copies the jar beside kernel.json and the logos and records a class archive so the kernel starts faster.
set -euo pipefail

usage() {
    cat <<'USAGE'
Usage: install/install.sh [--no-build] [options of `java -jar sluice.jar install`]

Builds sluice.jar with Maven and installs the Jupyter kernelspec "sluice" with it.

Options:
  --user                into the current user's Jupyter data dir (the default)
  --sys-prefix          into the prefix of the python3 on PATH
  --prefix DIR          under DIR/share/jupyter/kernels/NAME, as
                        `jupyter kernelspec install --prefix DIR` does
  --name NAME           kernelspec name (default: sluice)
  --display-name TEXT   name shown in the kernel picker (default: "Java (Sluice)")
  --jvm-opt OPT         an option for the kernel's JVM, e.g. --jvm-opt -Xmx8g;
                        repeat for several
  --no-build            use the jar already in kernel/target instead of running Maven
  -h, --help            show this help

The java used is $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on PATH;
its absolute path is written into kernel.json. A released sluice.jar needs no
Maven: `java -jar sluice.jar install` does the same.
USAGE
}

die() {
    echo "install.sh: $*" >&2
    exit 1
}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=true
name=sluice
prefix=""
args=()
while [[ $# -gt 0 ]]; do
    case "$1" in
        --no-build) build=false ;;
        -h|--help) usage; exit 0 ;;
        *)
            # Passed on as they are; the name and prefix are kept for the uninstall hint.
            case "$1" in
                --name|--prefix) [[ $# -ge 2 ]] || die "$1 needs a value; see --help." ;;
            esac
            case "$1" in
                --name) name=$2 ;;
                --name=*) name=${1#*=} ;;
                --prefix) prefix=$2 ;;
                --prefix=*) prefix=${1#*=} ;;
            esac
            args+=("$1")
            if [[ $1 =~ ^--(name|prefix|display-name|jvm-opt)$ && $# -ge 2 ]]; then
                args+=("$2")
                shift
            fi
            ;;
    esac
    shift
done

# The java the kernel will run on; the installer writes its absolute path into kernel.json.
if [[ -n ${JAVA_HOME:-} ]]; then
    java=$JAVA_HOME/bin/java
    [[ -x $java ]] || die "JAVA_HOME is '$JAVA_HOME' but $java is not an executable; fix JAVA_HOME or unset it."
else
    java=$(command -v java) || die "no java on PATH; install a JDK 17 or newer, or set JAVA_HOME."
fi
version=$("$java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
major=${version%%.*}
[[ $major == 1 ]] && major=$(echo "$version" | cut -d. -f2)
[[ $major =~ ^[0-9]+$ && $major -ge 17 ]] || die "$java is Java '${version:-unknown}'; Sluice needs Java 17 or newer."

jar=$repo/kernel/target/sluice.jar
if $build; then
    command -v mvn >/dev/null || die "Maven (mvn) is not on PATH; install Maven 3.8+ or pass --no-build with a built jar."
    echo "Building sluice.jar with Maven..."
    (cd "$repo" && mvn -q -B package -DskipTests)
fi
[[ -f $jar ]] || die "no $jar; build it with 'mvn -B package -DskipTests' or drop --no-build."

"$java" -jar "$jar" install ${args[@]+"${args[@]}"}

remove="install/uninstall.sh"
[[ -n $prefix ]] && remove+=" --prefix $prefix"
[[ $name != sluice ]] && remove+=" --name $name"
echo "Remove it with: $remove"
