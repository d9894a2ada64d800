#!/usr/bin/env bash
# Prints the backup side's figures (a benchmark, not a test):
#   1. time from `java -jar` to the first duplicity backup start, median of 5, default JVM and tuned
#      (AppCDS archive + -XX:TieredStopAtLevel=1 + SerialGC);
#   2. the daemon's RSS after 30 s idle, default and tuned;
#   3. wall-time overhead of --once over the same duplicity command run directly, on a ~200 MB tree.
# Needs the built jar (mvn -DskipTests package), duplicity and gpg. Work files: bench/out/ (gitignored).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
jar="$root/target/duplicity-unattended.jar"
out="$root/bench/out/backup"
[[ -f $jar ]] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
if [[ -d $out/gnupg ]]; then GNUPGHOME="$out/gnupg" gpgconf --kill gpg-agent || true; fi
rm -rf "$out"; mkdir -p "$out/src" "$out/bin"; install -d -m 700 "$out/gnupg"
export GNUPGHOME="$out/gnupg"
gpg --batch --quiet --gen-key <<'KEY'
%no-protection
Key-Type: RSA
Key-Length: 2048
Key-Usage: sign
Subkey-Type: RSA
Subkey-Length: 2048
Subkey-Usage: encrypt
Name-Real: Benchmark Key
Expire-Date: 0
%commit
KEY
key=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr/ {print $10; exit}')
tuned=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC "-XX:SharedArchiveFile=$out/app.jsa")
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

echo "Creating the AppCDS archive for the tuned figures"
PATH="$out/bin:$PATH" java -XX:ArchiveClassesAtExit="$out/app.jsa" -jar "$jar" --config "$out/stamp.yaml" --once \
    >/dev/null 2>&1 || true

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
start_tuned=$(startup "${tuned[@]}")
echo "Start-up, java -jar to first duplicity backup start (median of 5): default ${start_default} ms, tuned ${start_tuned} ms"
rss_default=$(rss_after_idle)
rss_tuned=$(rss_after_idle "${tuned[@]}")
echo "Daemon RSS after 30 s idle: default ${rss_default} MiB, tuned ${rss_tuned} MiB"

echo "Creating a ~200 MB tree"
for i in $(seq 1 20); do head -c 8000000 /dev/urandom > "$out/src/random-$i.bin"; done
for i in $(seq 1 400); do
    awk -v i="$i" 'BEGIN { for (n = 0; n < 2700; n++) print "line " n " of compressible text file " i }' > "$out/src/text-$i.txt"
done
du -sh "$out/src"

config duplicity "$out/src" "$out/t1" "$out/c1" > "$out/once.yaml"
t0=$(ms); java -jar "$jar" --config "$out/once.yaml" --once >/dev/null; once=$(( $(ms) - t0 ))
t0=$(ms)
PASSPHRASE='' duplicity --full-if-older-than 1M --encrypt-sign-key "$key" --archive-dir "$out/c2" \
    "$out/src" "file://$out/t2" >/dev/null
direct=$(( $(ms) - t0 ))
extra=$(( once - direct ))
echo "Full backup of the tree: --once ${once} ms, duplicity directly ${direct} ms"
awk -v o="$once" -v d="$direct" -v s="$start_default" 'BEGIN {
    printf "Overhead of --once: %d ms (%.1f%%); beyond JVM start-up (%d ms): %d ms (%.1f%%)\n",
        o - d, 100 * (o - d) / d, s, o - d - s, 100 * (o - d - s) / d }'
gpgconf --kill gpg-agent || true
