# shellcheck shell=bash
# common.sh - sourced by bench/run.sh and by each section script
# (bench/analyzer.sh, later search and entities): where things are, setup
# that every section needs, and the helpers that turn raw runs into figures.
#
# Paths, all absolute:
#   root    the repository            out     build/bench (tools, corpora)
#   shared  $KHABAR_SHARED            rundir  build/bench/run (raw outputs)
#   data    build/data                peerdir build/peers
#
# Convention for sections: stdout carries only name<TAB>value lines, so that
# run.sh's output is the figures and nothing else; progress and the tools'
# own chatter go to stderr or to files under rundir.

# Figures use '.' as the decimal point whatever the caller's locale.
export LC_ALL=C

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$root/build/bench
rundir=$out/run
data=$root/build/data
peerdir=$root/build/peers

note() { printf 'bench: %s\n' "$*" >&2; }
die() {
    printf 'bench: %s\n' "$*" >&2
    exit 1
}

# KHABAR_SHARED as given is relative to where the caller stands (the
# repository root under make); the default sits beside the repository.
if [ -n "${KHABAR_SHARED:-}" ]; then
    shared=$KHABAR_SHARED
else
    shared=$root/../shared
fi
if [ ! -x "$shared/peers/build" ] || [ ! -x "$shared/data/unpack" ]; then
    die "shared folder not found at '$shared' (no peers/build or data/unpack); set KHABAR_SHARED to the folder that holds peers/ and data/"
fi
shared=$(cd "$shared" && pwd)
export KHABAR_SHARED=$shared

# bench_setup: takes the bench lock, unpacks the corpora and builds the peer
# drivers when missing.
# run.sh does it once and sets BENCH_SETUP_DONE so its sections skip it; a
# section run by itself does it on its own.
bench_setup() {
    [ "${BENCH_SETUP_DONE:-0}" = 1 ] && return 0
    mkdir -p "$out" "$rundir"
    # One run at a time: two runs would clear each other's raw files and,
    # worse, time each other's load. The lock lives as long as this shell, and
    # the sections it starts inherit it.
    exec 9>"$out/.lock"
    if ! flock -n 9; then
        note "another bench run holds $out/.lock; waiting for it"
        flock 9
    fi
    # unpack skips every dataset whose stamp is newer than its archive.
    "$shared/data/unpack" "$data" >&2 || die "unpacking $shared/data into $data failed"
    local p
    for p in snowball-ar lucene-ar search-fts5 search-lucene search-xapian; do
        if [ ! -x "$peerdir/$p" ]; then
            note "building the peer drivers into $peerdir"
            "$shared/peers/build" "$peerdir" >&2 || die "building the peers failed"
            break
        fi
    done
    export BENCH_SETUP_DONE=1
}

# need_khabar: fails clearly when the library or the CLI has not been built;
# make bench builds them first, a direct run of these scripts does not.
need_khabar() {
    if [ ! -f "$root/build/libkhabar.a" ] || [ ! -x "$root/build/khabar" ]; then
        die "build/libkhabar.a or build/khabar is missing: run make first (or make bench)"
    fi
}

# build_tool NAME: compiles bench/NAME.c against the static library into
# out/NAME, when the binary is older than its source, the header or the
# library. Same warnings as the project's own code.
build_tool() {
    local name=$1 src=$root/bench/$1.c bin=$out/$1
    if [ -x "$bin" ] && [ "$bin" -nt "$src" ] && [ "$bin" -nt "$root/include/khabar.h" ] &&
        [ "$bin" -nt "$root/build/libkhabar.a" ]; then
        return 0
    fi
    local libs
    read -ra libs <<<"$(pkg-config --libs libutf8proc)"
    note "compiling $name"
    gcc -O2 -std=c11 -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wmissing-prototypes \
        -Wformat=2 -I"$root/include" -o "$bin" "$src" "$root/build/libkhabar.a" \
        "${libs[@]}" -lm -lpthread || die "compiling bench/$name.c failed"
}

# capture OUTFILE CMD...: runs CMD with stdout to OUTFILE and stderr to the
# same name ending in .err; stops the whole run, showing that stderr, if CMD fails.
capture() {
    local o=$1 e=${1%.tsv}.err
    shift
    if ! "$@" >"$o" 2>"$e"; then
        tail -n 20 "$e" >&2
        die "failed: $* (output in $o, errors in $e)"
    fi
}

# field NAME FILE...: the value of every NAME<TAB>value line in the files,
# one per line.
field() {
    local name=$1
    shift
    awk -F'\t' -v n="$name" '$1 == n { print $2 }' "$@"
}

# median: the median of the numbers on stdin (mean of the two middle ones for
# an even count); fails when there are none.
median() {
    sort -g | awk '{ v[NR] = $1 }
        END {
            if (NR == 0) exit 1
            if (NR % 2) print v[(NR + 1) / 2]
            else printf "%.15g\n", (v[NR / 2] + v[NR / 2 + 1]) / 2
        }'
}

# emit NAME VALUE: one figure line.
emit() { printf '%s\t%s\n' "$1" "$2"; }
