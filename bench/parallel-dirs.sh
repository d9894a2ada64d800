#!/usr/bin/env bash
# Prints how much `parallel: N` speeds a run up (a benchmark, not a test): 2 and 4 dirs of about 100 MB each
# (random and text files), each backed up in full by real duplicity to a fresh file:// target and cache,
# `parallel: 1` against `parallel: 2` (and 4 for 4 dirs). The cases take turns within each round, rotating
# which goes first, and gpg-agent is stopped before each run so none finds it warm. Two figures per case,
# medians of the rounds: the wall time of `java -jar ... --once`, and the run's own time as its summary says
# ("took ..."), which leaves out the JVM's start-up. For reference, the same 2 dirs backed up by duplicity alone,
# one after another and both at once, in the same rounds: the most the machine gives under the same load.
# Needs the built jar (mvn -B -DskipTests package), duplicity and gpg. Work files: bench/out/ (gitignored).
# Usage: bench/parallel-dirs.sh [ROUNDS]   (default 5)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/duplicity-unattended.jar"
out="$root/bench/out/parallel"
rounds="${1:-5}"
[[ -f $jar ]] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
bench_setup "$out"

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "$(nproc) cores, $(duplicity --version 2>/dev/null | head -1), load average (1, 5, 15 min) before: $(load)"
echo "Creating 4 dirs of about 100 MB (10 x 8 MB random, 200 text files of about 100 KB)"
for d in 1 2 3 4; do
    mkdir -p "$out/src/dir-$d"
    for i in $(seq 1 10); do head -c 8000000 /dev/urandom > "$out/src/dir-$d/random-$i.bin"; done
    for i in $(seq 1 200); do
        awk -v d="$d" -v i="$i" 'BEGIN { for (n = 0; n < 2600; n++) print "line " n " of text file " i " in dir " d }' \
            > "$out/src/dir-$d/text-$i.txt"
    done
done
du -sh "$out"/src/dir-* | sed 's/^/  /'

config() { # $1 dirs, $2 parallel, $3 target dir, $4 cache dir
    cat <<YAML
gpg_key_id: $key
bucket_url: file://$3
full_if_older_than: 1M
gpg_home: $GNUPGHOME
archive_dir: $4
parallel: $2
backup_dirs:
YAML
    for d in $(seq 1 "$1"); do echo "  - source: $out/src/dir-$d"; done
}

# direct DIRS AT_ONCE: the same backups by duplicity alone, the arguments the program gives it, AT_ONCE 1 one
# dir after another, else all at once: what the machine gives at best, under the same load, without the program
direct() {
    local d pids=()
    for d in $(seq 1 "$1"); do
        PASSPHRASE='' duplicity --full-if-older-than 1M --encrypt-sign-key "$key" --archive-dir "$out/cache" \
            "$out/src/dir-$d" "file://$out/target$out/src/dir-$d" > "$out/direct-$d.log" 2>&1 &
        if [[ $2 == 1 ]]; then wait "$!" || return 1; else pids+=("$!"); fi
    done
    for d in "${pids[@]}"; do wait "$d" || return 1; done
}

ms() { date +%s%3N; }
# DIRSxPARALLEL: a --once run of the program; dupDIRSxN: duplicity alone (direct)
cases=(2x1 2x2 4x1 4x2 4x4 dup2x1 dup2x2)
declare -A wall=() own=()
for round in $(seq 0 $((rounds - 1))); do
    for i in "${!cases[@]}"; do
        c=${cases[$(( (i + round) % ${#cases[@]} ))]}
        dirs=${c%x*}; dirs=${dirs#dup}; parallel=${c#*x}
        rm -rf "$out/target" "$out/cache"
        gpgconf --kill gpg-agent || true
        if [[ $c == dup* ]]; then
            t0=$(ms)
            direct "$dirs" "$parallel" || { echo "duplicity failed in case $c:" >&2; cat "$out"/direct-*.log >&2; exit 1; }
            wall[$c]+="$(( $(ms) - t0 )) "
            last=${wall[$c]% }
            echo "  round $((round + 1)), $dirs dirs, duplicity alone, $parallel at once: ${last##* } ms, load $(cut -d" " -f1 /proc/loadavg)"
            continue
        fi
        config "$dirs" "$parallel" "$out/target" "$out/cache" > "$out/config.yaml"
        t0=$(ms)
        java -jar "$jar" --config "$out/config.yaml" --once > "$out/run.log" 2>&1 \
            || { echo "the run of case $c failed:" >&2; cat "$out/run.log" >&2; exit 1; }
        wall[$c]+="$(( $(ms) - t0 )) "
        # "Backup run finished: ... took 4.9s" (or "1m 05s"): the run's own time, in ms
        took=$(sed -n 's/.*Backup run finished: .*, took \([0-9.ms ]*\)$/\1/p' "$out/run.log" \
            | awk '{ t = 0; for (i = 1; i <= NF; i++) { v = $i + 0; t += ($i ~ /m$/) ? v * 60 : v } printf "%d", t * 1000 }')
        own[$c]+="$took "
        last=${wall[$c]% }
        echo "  round $((round + 1)), $dirs dirs, parallel $parallel: wall ${last##* } ms, run $took ms, load $(cut -d" " -f1 /proc/loadavg)"
    done
done
# shellcheck disable=SC2086 # $1 is a space-separated list of times, split on purpose
median() { printf '%s\n' $1 | sort -n | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : int((v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
echo
echo "Medians of $rounds rounds (wall: java -jar --once; run: the summary's 'took'), speed-up over parallel 1:"
for c in "${cases[@]}"; do
    if [[ $c == dup* ]]; then
        dirs=${c%x*}; dirs=${dirs#dup}; parallel=${c#*x}
        w=$(median "${wall[$c]}"); w1=$(median "${wall[dup${dirs}x1]}")
        awk -v d="$dirs" -v p="$parallel" -v w="$w" -v w1="$w1" 'BEGIN {
            printf "  %d dirs, duplicity alone, %d at once: %.2f s (%.2fx)\n", d, p, w / 1000, w1 / w }'
        continue
    fi
    dirs=${c%x*}; parallel=${c#*x}
    w=$(median "${wall[$c]}"); o=$(median "${own[$c]}")
    w1=$(median "${wall[${dirs}x1]}"); o1=$(median "${own[${dirs}x1]}")
    awk -v d="$dirs" -v p="$parallel" -v w="$w" -v o="$o" -v w1="$w1" -v o1="$o1" 'BEGIN {
        printf "  %d dirs, parallel %d: wall %.2f s (%.2fx), run %.2f s (%.2fx)\n", d, p, w / 1000, w1 / w, o / 1000, o1 / o }'
done
echo "Load average (1, 5, 15 min) after: $(load)"
gpgconf --kill gpg-agent || true
