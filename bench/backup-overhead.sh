#!/usr/bin/env bash
# Prints the backup side's figures (a benchmark, not a test):
#   1. time from `java -jar` to the first duplicity backup start, median of 5, with a default JVM,
#      with an AppCDS archive, and with AppCDS plus C1 only and the serial collector;
#   2. the daemon's RSS after 30 s idle, for the same three;
#   3. wall-time overhead of --once over the same duplicity command run directly, on a ~200 MB tree,
#      default JVM and with AppCDS (median of 3 each).
# Needs the built jar (mvn -DskipTests package), duplicity and gpg. Work files: bench/out/ (gitignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/duplicity-unattended.jar"
out="$root/bench/out/backup"
[[ -f $jar ]] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
# shellcheck source=bench/workdir.sh
source "$root/bench/workdir.sh"
cds=("-XX:SharedArchiveFile=$out/app.jsa")
c1=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-XX:SharedArchiveFile=$out/app-c1.jsa")
ms() { date +%s%3N; }

# A duplicity first on PATH that notes when a backup starts, then stops (for the start-up figure).
real_duplicity=$(command -v duplicity)
cat > "$out/bin/duplicity" <<STAMP
#!/bin/sh
[ "\$1" = --version ] && exec "$real_duplicity" --version
date +%s%3N > "$out/started"
exit 0
STAMP
chmod +x "$out/bin/duplicity"
config() { # $1 duplicity path, $2 source, $3 target dir, $4 cache dir
    cat <<YAML
cloud: aws
gpg_key_id: $key
bucket_url: file://$3
full_if_older_than: 1M
gpg_home: $GNUPGHOME
archive_dir: $4
duplicity_path: $1
schedule: "0 0 3 1 1 ? 2099"
backup_dirs:
  - source: $2
YAML
}
config duplicity "$out/src" "$out/t0" "$out/c0" > "$out/stamp.yaml"

echo "Creating the AppCDS archives"
PATH="$out/bin:$PATH" java -XX:ArchiveClassesAtExit="$out/app.jsa" -jar "$jar" --config "$out/stamp.yaml" --once \
    >/dev/null 2>&1 || true
PATH="$out/bin:$PATH" java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -XX:ArchiveClassesAtExit="$out/app-c1.jsa" \
    -jar "$jar" --config "$out/stamp.yaml" --once >/dev/null 2>&1 || true

startup() { # prints the median ms from java -jar to the first backup start over 5 runs
    local times=()
    for _ in 1 2 3 4 5; do
        rm -f "$out/started"
        local t0; t0=$(ms)
        PATH="$out/bin:$PATH" java "$@" -jar "$jar" --config "$out/stamp.yaml" --once >/dev/null 2>&1 || true
        times+=($(( $(cat "$out/started") - t0 )))
    done
    printf '%s\n' "${times[@]}" | sort -n | sed -n 3p
}
rss_after_idle() { # the daemon's resident memory after 30 s idle, in MiB
    PATH="$out/bin:$PATH" java "$@" -jar "$jar" --config "$out/stamp.yaml" >/dev/null 2>&1 &
    local pid=$!
    sleep 30
    local kb; kb=$(awk '/^VmRSS/ {print $2}' "/proc/$pid/status")
    kill "$pid"; wait "$pid" 2>/dev/null || true
    echo $(( kb / 1024 ))
}

start_default=$(startup)
start_cds=$(startup "${cds[@]}")
start_c1=$(startup "${c1[@]}")
echo "Start-up, java -jar to first duplicity backup start (median of 5): default JVM ${start_default} ms," \
     "AppCDS ${start_cds} ms, AppCDS + C1 + SerialGC ${start_c1} ms"
rss_default=$(rss_after_idle)
rss_cds=$(rss_after_idle "${cds[@]}")
rss_c1=$(rss_after_idle "${c1[@]}")
echo "Daemon RSS after 30 s idle: default JVM ${rss_default} MiB, AppCDS ${rss_cds} MiB," \
     "AppCDS + C1 + SerialGC ${rss_c1} MiB"

echo "Creating a ~200 MB tree"
for i in $(seq 1 20); do head -c 8000000 /dev/urandom > "$out/src/random-$i.bin"; done
for i in $(seq 1 400); do
    awk -v i="$i" 'BEGIN { for (n = 0; n < 2700; n++) print "line " n " of compressible text file " i }' > "$out/src/text-$i.txt"
done
du -sh "$out/src"

# Three rounds, rotating which side goes first; each backup is a fresh full one into a fresh
# target, and gpg-agent is stopped before each so no side finds it warm.
declare -A backup_times=([default]="" [cds]="" [direct]="")
sides=(default cds direct)
for round in 0 1 2; do
    for i in 0 1 2; do
        side=${sides[$(( (i + round) % 3 ))]}
        rm -rf "$out/t-$side" "$out/c-$side"
        gpgconf --kill gpg-agent || true
        t0=$(ms)
        case $side in
            direct) PASSPHRASE='' duplicity --full-if-older-than 1M --encrypt-sign-key "$key" \
                        --archive-dir "$out/c-direct" "$out/src" "file://$out/t-direct" >/dev/null ;;
            *) config duplicity "$out/src" "$out/t-$side" "$out/c-$side" > "$out/$side.yaml"
               flags=(); [[ $side == cds ]] && flags=("${cds[@]}")
               java "${flags[@]}" -jar "$jar" --config "$out/$side.yaml" --once >/dev/null ;;
        esac
        backup_times[$side]+="$(( $(ms) - t0 )) "
    done
done
# shellcheck disable=SC2086 # $1 is a space-separated list of times, split on purpose
median() { printf '%s\n' $1 | sort -n | sed -n 2p; }
direct=$(median "${backup_times[direct]}")
echo "Full backup of the tree (median of 3): duplicity directly ${direct} ms [${backup_times[direct]% }]"
for side in default cds; do
    once=$(median "${backup_times[$side]}")
    start=$([[ $side == default ]] && echo "$start_default" || echo "$start_cds")
    awk -v n="$side" -v o="$once" -v d="$direct" -v s="$start" -v all="${backup_times[$side]% }" 'BEGIN {
        printf "--once, %s: %d ms [%s]: overhead %d ms (%.1f%%); beyond its start-up (%d ms): %d ms (%.1f%%)\n",
            (n == "cds" ? "AppCDS" : "default JVM"), o, all, o - d, 100 * (o - d) / d, s,
            o - d - s, 100 * (o - d - s) / d }'
done
gpgconf --kill gpg-agent || true
