#!/usr/bin/env bash
# run.sh - make bench: khabar's speed beside the peers', in one run.
#
# Prints a "# machine:" comment line, then name<TAB>value lines only, one
# section after another. Each section is a script bench/<section>.sh that
# prints its own figures and can also run alone; BENCH_SECTIONS picks which
# run (default: all of them, in the order below). Raw outputs of every run
# go to build/bench/run/. bench/README.md describes each figure.
#
# Environment: KHABAR_SHARED (default ../shared), BENCH_RUNS (runs per figure,
# default 5), BENCH_SECTIONS (e.g. "analyzer").
set -euo pipefail
# shellcheck source=bench/common.sh
. "$(dirname "$0")/common.sh"

# Each section is bench/<name>.sh; add new ones to the default list.
sections=${BENCH_SECTIONS:-analyzer analyze ner search}

for s in $sections; do
    [ -x "$root/bench/$s.sh" ] || die "no section script bench/$s.sh"
done

need_khabar
bench_setup

# Figures only mean something next to the machine that made them.
cpu=$(grep -m1 '^model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')
printf '# machine: %s cpus, %s, %s\n' "$(nproc)" "${cpu:-unknown cpu}" "$(date -u +%Y-%m-%dT%H:%M:%SZ)" |
    tee "$rundir/machine.txt"

for s in $sections; do
    note "section $s"
    "$root/bench/$s.sh"
done
