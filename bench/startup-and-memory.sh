#!/usr/bin/env bash
# Prints start-up and memory figures (a benchmark, not a test) for the JVM's defaults (plain `java -jar`)
# against the JVM as the shipped systemd units start it (their ExecStart's options, read from
# systemd/duplicity-unattended-once.service, with the class archive their ExecStartPre makes with a
# --start-only training run):
#   1. `java -jar` to the first duplicity backup call (a stand-in duplicity notes the time; its --version
#      is the real one, a Python start that overlaps Camel's), backup-only config, and the process's CPU time
#      for the whole --once run;
#   2. the same with a config whose monitor mails through SES, against figure 1 of the same JVM;
#   3. and 4. the daemon's RSS (/proc/PID/status VmRSS) after 30 s idle, backup-only and mailing configs.
# Each figure: the median of each side and the median of the ratios of interleaved pairs (shipped/default),
# runs alternating which side goes first. The machine may be shared: quote ratios, not absolute times.
# Usage: bench/startup-and-memory.sh [RUNS [IDLE_ROUNDS]] (default 7 start-up rounds, 3 rounds of idle daemons).
# Needs the built jar (mvn -B -DskipTests package), duplicity, gpg and /usr/bin/time. Work files: bench/out/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${1:-7}"
out="$root/bench/out/startup"
[[ -f $root/target/duplicity-unattended.jar ]] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
bench_setup "$out"
mkdir -p "$out/src" "$out/bin"
# a copy, so a build during the benchmark changes neither side (nor makes the archive stale)
jar="$out/duplicity-unattended.jar"
cp "$root/target/duplicity-unattended.jar" "$jar"

# A duplicity first on PATH that notes when the first backup starts (ns), then stops.
real_duplicity=$(command -v duplicity)
cat > "$out/bin/duplicity" <<STAMP
#!/bin/sh
[ "\$1" = --version ] && exec "$real_duplicity" --version
date +%s%N > "$out/started"
exit 0
STAMP
chmod +x "$out/bin/duplicity"
cat > "$out/backup.yaml" <<YAML
cloud: aws
gpg_key_id: $key
bucket_url: file://$out/target
full_if_older_than: 1M
gpg_home: $GNUPGHOME
archive_dir: $out/cache
duplicity_path: $out/bin/duplicity
schedule: "0 0 3 1 1 ? 2099"
backup_dirs:
  - source: $out/src
YAML
# the same, with a monitor that mails its reports through SES (an endpoint that is never reached: no mail is due)
cat "$out/backup.yaml" - > "$out/mails.yaml" <<YAML
aws_region: eu-west-1
ses_endpoint_url: http://127.0.0.1:9
monitor:
  schedule: "0 0 4 1 1 ? 2099"
  sender: Backups <backup@example.com>
  recipient: [ops@example.com]
YAML

# The shipped JVM options: the once unit's ExecStart, the archive in this benchmark's dir.
unit="$root/systemd/duplicity-unattended-once.service"
mapfile -t shipped < <(unit_jvm_options "$unit")
archive="$out/classes.jsa"
shipped+=("-XX:SharedArchiveFile=$archive")
default=()
echo "Shipped JVM options: ${shipped[*]}"
echo "Making the class archive with the units' training run (--start-only)"
/usr/bin/time -f "training run: %e s wall, %U s user, %S s sys" \
    java "${shipped[@]/#-XX:SharedArchiveFile=*/-XX:ArchiveClassesAtExit=$archive}" -jar "$jar" \
    --config "$out/backup.yaml" --start-only >/dev/null
[[ -s $archive ]] || { echo "no class archive was made" >&2; exit 1; }

# one --once run: prints "ms-to-first-call cpu-seconds"
once() { # $1 config, then JVM options
    local config=$1 t0; shift
    rm -f "$out/started"
    t0=$(date +%s%N)
    PATH="$out/bin:$PATH" /usr/bin/time -f "%U %S" -o "$out/cpu" java "$@" -jar "$jar" --config "$config" --once \
        >/dev/null 2>&1 || true
    awk -v t0="$t0" -v t1="$(cat "$out/started")" '{ printf "%d %.2f\n", (t1 - t0) / 1e6, $1 + $2 }' "$out/cpu"
}
declare -A ms cpu
for config in backup mails; do
    for side in default shipped; do ms[$config.$side]=""; cpu[$config.$side]=""; done
done
ratios_start="" ratios_cpu="" mails_default="" mails_shipped=""
echo "Start-up: $runs interleaved rounds of --once (each round: backup-only and mailing, default and shipped)"
for round in $(seq 1 "$runs"); do
    order=(default shipped); (( round % 2 )) || order=(shipped default)
    declare -A this=()
    for config in backup mails; do
        for side in "${order[@]}"; do
            if [[ $side == default ]]; then r=$(once "$out/$config.yaml" "${default[@]}")
            else r=$(once "$out/$config.yaml" "${shipped[@]}"); fi
            ms[$config.$side]+="${r% *} "; cpu[$config.$side]+="${r#* } "; this[$config.$side]=$r
        done
    done
    ratios_start+="$(awk -v a="${this[backup.shipped]% *}" -v b="${this[backup.default]% *}" 'BEGIN { print a / b }') "
    ratios_cpu+="$(awk -v a="${this[backup.shipped]#* }" -v b="${this[backup.default]#* }" 'BEGIN { print a / b }') "
    mails_default+="$(awk -v a="${this[mails.default]% *}" -v b="${this[backup.default]% *}" 'BEGIN { print a / b }') "
    mails_shipped+="$(awk -v a="${this[mails.shipped]% *}" -v b="${this[backup.shipped]% *}" 'BEGIN { print a / b }') "
done
printf '%-58s %10s %10s %8s\n' figure default shipped ratio
printf '%-58s %10s %10s %8.2f\n' "1. java -jar to first duplicity call, backup-only (ms)" \
    "$(m "${ms[backup.default]}")" "$(m "${ms[backup.shipped]}")" "$(m "$ratios_start")"
printf '%-58s %10s %10s %8.2f\n' "   CPU of the whole --once run (s)" \
    "$(m "${cpu[backup.default]}")" "$(m "${cpu[backup.shipped]}")" "$(m "$ratios_cpu")"
printf '%-58s %10s %10s\n' "2. the same, monitor mails (ms)" "$(m "${ms[mails.default]}")" "$(m "${ms[mails.shipped]}")"
printf '%-58s %10.2f %10.2f\n' "   mailing / backup-only, same JVM (ratio)" "$(m "$mails_default")" "$(m "$mails_shipped")"

# Idle daemons: the four (default and shipped, backup-only and mailing) at once, 30 s, then VmRSS.
declare -A rss
rss_rounds="${2:-3}"
for round in $(seq 1 "$rss_rounds"); do
    declare -A pids=()
    for config in backup mails; do
        for side in default shipped; do
            if [[ $side == default ]]; then opts=("${default[@]}"); else opts=("${shipped[@]}"); fi
            PATH="$out/bin:$PATH" java "${opts[@]}" -jar "$jar" --config "$out/$config.yaml" >/dev/null 2>&1 &
            pids[$config.$side]=$!
        done
    done
    sleep 30
    for key in "${!pids[@]}"; do
        rss[$key]+="$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/${pids[$key]}/status") "
        kill "${pids[$key]}"; wait "${pids[$key]}" 2>/dev/null || true
    done
done
for config in backup mails; do
    ratios=""
    read -r -a d <<<"${rss[$config.default]}"; read -r -a s <<<"${rss[$config.shipped]}"
    for i in "${!d[@]}"; do ratios+="$(awk -v a="${s[$i]}" -v b="${d[$i]}" 'BEGIN { print a / b }') "; done
    n=$([[ $config == backup ]] && echo 3 || echo 4)
    printf '%-58s %10s %10s %8.2f\n' "$n. daemon RSS after 30 s idle, $config config (MiB)" \
        "$(m "${rss[$config.default]}")" "$(m "${rss[$config.shipped]}")" "$(m "$ratios")"
done
echo "(medians of $runs start-up rounds and $rss_rounds idle rounds; ratio = shipped / default, pair by pair)"
gpgconf --kill gpg-agent || true
