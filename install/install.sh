#!/usr/bin/env bash
# Installs the Sluice kernelspec: builds the kernel jar, copies it beside kernel.json and the logos,
# and records a class-data-sharing archive so the kernel starts faster.
set -euo pipefail

usage() {
    cat <<'EOF'
Usage: install/install.sh [options]

Builds sluice.jar and installs the Jupyter kernelspec "sluice".

Options:
  --prefix DIR          install under DIR/share/jupyter/kernels/NAME, as
                        `jupyter kernelspec install --prefix DIR` does
                        (default: the current user's Jupyter data dir)
  --name NAME           kernelspec name (default: sluice)
  --display-name TEXT   name shown in the kernel picker (default: "Java (Sluice)")
  --jvm-opt OPT         an option for the kernel's JVM, e.g. --jvm-opt -Xmx8g;
                        repeat for several
  --no-build            use the jar already in kernel/target instead of running Maven
  -h, --help            show this help

The java used is $JAVA_HOME/bin/java when JAVA_HOME is set, else the java on PATH;
its absolute path is written into kernel.json.
EOF
}

die() {
    echo "install.sh: $*" >&2
    exit 1
}

needs_value() {
    [[ $# -ge 2 ]] || die "$1 needs a value; see --help."
}

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
name=sluice
display_name="Java (Sluice)"
prefix=""
build=true
jvm_opts=()

while [[ $# -gt 0 ]]; do
    case "$1" in
        --prefix) needs_value "$@"; prefix=$2; shift 2 ;;
        --prefix=*) prefix=${1#*=}; shift ;;
        --name) needs_value "$@"; name=$2; shift 2 ;;
        --name=*) name=${1#*=}; shift ;;
        --display-name) needs_value "$@"; display_name=$2; shift 2 ;;
        --display-name=*) display_name=${1#*=}; shift ;;
        --jvm-opt) needs_value "$@"; jvm_opts+=("$2"); shift 2 ;;
        --jvm-opt=*) jvm_opts+=("${1#*=}"); shift ;;
        --no-build) build=false; shift ;;
        -h|--help) usage; exit 0 ;;
        *) die "unknown option '$1'; see --help." ;;
    esac
done

# Jupyter accepts only these characters in a kernelspec name.
[[ $name =~ ^[A-Za-z0-9._-]+$ ]] || die "the name '$name' may hold only letters, digits, '.', '_' and '-'."
[[ -n $display_name ]] || die "the display name is empty."

# The java the kernel will run on, pinned by absolute path so Jupyter need not have it on PATH.
if [[ -n ${JAVA_HOME:-} ]]; then
    java=$JAVA_HOME/bin/java
    [[ -x $java ]] || die "JAVA_HOME is '$JAVA_HOME' but $java is not an executable; fix JAVA_HOME or unset it."
else
    java=$(command -v java) || die "no java on PATH; install a JDK 17 or newer, or set JAVA_HOME."
fi
java=$(cd "$(dirname "$java")" && pwd)/$(basename "$java")

version=$("$java" -version 2>&1 | awk -F'"' '/version/ { print $2; exit }')
major=${version%%.*}
[[ $major == 1 ]] && major=$(echo "$version" | cut -d. -f2)
[[ $major =~ ^[0-9]+$ && $major -ge 17 ]] || die "$java is Java '${version:-unknown}'; Sluice needs Java 17 or newer."

if [[ ${#jvm_opts[@]} -gt 0 ]]; then
    "$java" "${jvm_opts[@]}" -version >/dev/null 2>&1 || die "$java does not accept the JVM options: ${jvm_opts[*]}"
fi

jar=$repo/kernel/target/sluice.jar
if $build; then
    command -v mvn >/dev/null || die "Maven (mvn) is not on PATH; install Maven 3.8+ or pass --no-build with a built jar."
    echo "Building sluice.jar with Maven..."
    (cd "$repo" && mvn -q -B package -DskipTests)
fi
[[ -f $jar ]] || die "no $jar; build it with 'mvn -B package -DskipTests' or drop --no-build."

if [[ -n $prefix ]]; then
    mkdir -p "$prefix"
    prefix=$(cd "$prefix" && pwd)
    kernels=$prefix/share/jupyter/kernels
elif command -v jupyter >/dev/null && data_dir=$(jupyter --data-dir 2>/dev/null) && [[ -n $data_dir ]]; then
    kernels=$data_dir/kernels
else
    kernels=$HOME/.local/share/jupyter/kernels
fi
dir=$kernels/$name

# Reinstalling replaces an earlier kernelspec, but never a folder that is not one.
if [[ -e $dir ]]; then
    [[ -f $dir/kernel.json ]] || die "$dir exists and is not a kernelspec (no kernel.json); move it away first."
    rm -rf "$dir"
fi
mkdir -p "$dir"
cp "$jar" "$dir/sluice.jar"
cp "$repo/install/logo-32x32.png" "$repo/install/logo-64x64.png" "$dir/"
# plotly.js for interactive charts: the Jupyter server serves the kernelspec folder, so charts need no CDN.
"$java" -jar "$dir/sluice.jar" resources "$dir"

# Record which classes a first session loads; later starts map them from the archive instead
# of loading and verifying them again. On Java 25 and newer that is an AOT cache (JEP 483/514:
# classes loaded and linked ahead of time), on older Java a CDS archive. A failure only costs
# start-up time, so it is not fatal.
log=$(mktemp)
scratch=$(mktemp -d)
trap 'rm -rf "$log" "$scratch"' EXIT
if [[ $major -ge 25 ]]; then
    archive=$dir/sluice.aot
    record=(-XX:AOTCacheOutput="$archive" -Xlog:aot=off,cds=off)
    check=(-XX:AOTCache="$archive" -XX:AOTMode=on)
    use=(-XX:AOTCache="$archive" -Xlog:aot=off,cds=off)
    kind="AOT cache"
else
    archive=$dir/sluice.jsa
    record=(-XX:ArchiveClassesAtExit="$archive" -Xlog:cds=off,cds+dynamic=off)
    check=(-XX:SharedArchiveFile="$archive" -Xshare:on)
    use=(-XX:SharedArchiveFile="$archive" -Xshare:auto -Xlog:cds=off,cds+dynamic=off)
    kind="class-data archive"
fi
echo "Recording a $kind (runs a few cells once)..."
if (cd "$scratch" && "$java" ${jvm_opts[@]+"${jvm_opts[@]}"} "${record[@]}" -jar "$dir/sluice.jar" warmup) >"$log" 2>&1 \
    && [[ -s $archive ]] \
    && (cd "$scratch" && "$java" ${jvm_opts[@]+"${jvm_opts[@]}"} "${check[@]}" -jar "$dir/sluice.jar" --version) >>"$log" 2>&1; then
    share_opts=("${use[@]}")
    archive_note=" (with $kind)"
else
    echo "Note: no $kind (the kernel works, it only starts slower). Output was:" >&2
    tail -n 20 "$log" >&2
    rm -f "$archive"
    share_opts=()
    archive_note=" (no $kind)"
fi

json_string() {
    local s=$1
    s=${s//\\/\\\\}
    s=${s//\"/\\\"}
    s=${s//$'\n'/\\n}
    s=${s//$'\r'/\\r}
    s=${s//$'\t'/\\t}
    printf '"%s"' "$s"
}

argv=("$java" ${jvm_opts[@]+"${jvm_opts[@]}"} ${share_opts[@]+"${share_opts[@]}"} -jar "$dir/sluice.jar" kernel "{connection_file}")
{
    echo "{"
    echo "  \"argv\": ["
    for i in "${!argv[@]}"; do
        sep=","
        [[ $i -eq $((${#argv[@]} - 1)) ]] && sep=""
        echo "    $(json_string "${argv[$i]}")$sep"
    done
    echo "  ],"
    echo "  \"display_name\": $(json_string "$display_name"),"
    echo "  \"language\": \"java\","
    echo "  \"interrupt_mode\": \"message\","
    echo "  \"metadata\": {}"
    echo "}"
} >"$dir/kernel.json"

echo
echo "Installed the kernel \"$display_name\" (kernelspec '$name') in"
echo "  $dir"
echo "  java: $java$archive_note"
if [[ -n $prefix && $prefix != /usr && $prefix != /usr/local ]]; then
    echo
    echo "Jupyter looks in $prefix/share/jupyter only when told to:"
    echo "  export JUPYTER_PATH=$prefix/share/jupyter"
fi
echo
echo "Start JupyterLab with 'jupyter lab' (or 'jupyter notebook') and pick \"$display_name\" as the kernel."
remove="install/uninstall.sh"
[[ -n $prefix ]] && remove+=" --prefix $prefix"
[[ $name != sluice ]] && remove+=" --name $name"
echo "Remove it with: $remove"
