#!/usr/bin/env bash
# Prints the monitor's figures (a benchmark, not a test) for a bucket of 20,000 keys (1,000 folders of 20) on
# S3Proxy in a JVM of its own, for the JVM's defaults (plain `java -jar`) and the JVM as the shipped daemon unit
# starts it (its ExecStart's options, the class archive its ExecStartPre makes with a --start-only run):
#   5. the daemon's RSS (/proc/PID/status VmRSS) 10 s after a scheduled check of the bucket, and its peak (VmHWM);
#   6. the CPU time (user + sys) of a whole `java -jar --check` process, against the original monitor's loop
#      (boto3, bench/original-monitor-loop.py) listing the same bucket; and the CPU time the running daemon
#      spends on its scheduled check (/proc/PID/stat, from before the check to 10 s after its report), which
#      is what a check costs as the shipped daemon unit runs it.
# Each figure: the median of each side over interleaved rounds (the order alternates), and the median of the
# ratios pair by pair. The machine may be shared: quote ratios, not absolute times.
# Usage: bench/monitor-check.sh [ROUNDS [FOLDERS [KEYS_PER_FOLDER]]] (default 5 rounds, 1000 folders of 20 keys).
# Needs the built jar (mvn -B -DskipTests package), python3-boto3, gpg and /usr/bin/time. Work files: bench/out/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rounds="${1:-5}" folders="${2:-1000}" per_folder="${3:-20}"
out="$root/bench/out/check"
[[ -f $root/target/duplicity-unattended.jar ]] || { echo "build the jar first: mvn -B -DskipTests package" >&2; exit 2; }
# shellcheck source=bench/common.sh
source "$root/bench/common.sh"
bench_setup "$out"
jar="$out/duplicity-unattended.jar"
cp "$root/target/duplicity-unattended.jar" "$jar"
(cd "$root" && mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=bench/out/classpath.txt \
    -Denforcer.skip >&2)

# S3Proxy with the seeded bucket, serving until this script ends
java -Xmx2g -cp "$root/target/test-classes:$root/target/classes:$(cat "$root/bench/out/classpath.txt")" \
    io.github.duplicityunattended.bench.CheckBenchServer "$out/endpoint" "$folders" "$per_folder" &
server=$!
trap 'kill "$server"; wait "$server" 2>/dev/null || true; GNUPGHOME="$out/gnupg" gpgconf --kill gpg-agent || true' EXIT
until [[ -s $out/endpoint ]]; do
    kill -0 "$server" 2>/dev/null || { echo "S3Proxy did not start" >&2; exit 1; }
    sleep 0.2
done
endpoint=$(cat "$out/endpoint")
access=AKIATESTBACKUPS00001 secret=test-secret-key-that-must-never-be-logged
printf '[Credentials]\naws_access_key_id = %s\naws_secret_access_key = %s\n' "$access" "$secret" > "$out/credentials"
chmod 600 "$out/credentials"
config() { # $1 file, $2 the monitor's schedule
    cat > "$1" <<YAML
cloud: aws
gpg_key_id: $key
bucket_url: s3+http://my-host-backup/host
s3_endpoint_url: $endpoint
aws_config_file: $out/credentials
aws_region: eu-west-1
full_if_older_than: 1M
gpg_home: $GNUPGHOME
archive_dir: $out/cache
schedule: "0 0 3 1 1 ? 2099"
backup_dirs:
  - source: /dir0000
  - source: /dir0001
monitor:
  max_age_days: 30
  schedule: "$2"
YAML
}
config "$out/check.yaml" "0 0 4 1 1 ? 2099"
echo "S3Proxy at $endpoint: $folders folders of $per_folder keys in my-host-backup"
python3 "$root/bench/original-monitor-loop.py" "$endpoint" my-host-backup >/dev/null 2>&1 || true # warm S3Proxy

unit="$root/systemd/duplicity-unattended.service"
mapfile -t shipped < <(unit_jvm_options "$unit")
archive="$out/classes.jsa"
java "${shipped[@]}" -XX:ArchiveClassesAtExit="$archive" -jar "$jar" --config "$out/check.yaml" --start-only \
    >/dev/null 2>&1
shipped+=("-XX:SharedArchiveFile=$archive")
echo "Shipped JVM options: ${shipped[*]}"

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { print a / b }'; }
cpu() { # the CPU seconds of one command
    /usr/bin/time -f "%U %S" -o "$out/cpu" "$@" >"$out/cpu.out" 2>&1 || true
    awk '{ printf "%.2f\n", $1 + $2 }' "$out/cpu"
}
declare -A c=([boto3]="" [default]="" [shipped]="")
r_default="" r_shipped=""
echo "6. --check CPU: $rounds interleaved rounds (boto3 loop, default JVM, shipped JVM; the order rotates)"
for round in $(seq 1 "$rounds"); do
    sides=(boto3 default shipped)
    sides=("${sides[@]:$((round % 3))}" "${sides[@]:0:$((round % 3))}")
    declare -A this=()
    for side in "${sides[@]}"; do
        case $side in
        boto3) this[$side]=$(AWS_ACCESS_KEY_ID=$access AWS_SECRET_ACCESS_KEY=$secret \
            cpu python3 "$root/bench/original-monitor-loop.py" "$endpoint" my-host-backup) ;;
        default) this[$side]=$(cpu java -jar "$jar" --config "$out/check.yaml" --check) ;;
        shipped) this[$side]=$(cpu java "${shipped[@]}" -jar "$jar" --config "$out/check.yaml" --check) ;;
        esac
        grep -q 'object(s) listed\|folders' "$out/cpu.out" || { echo "$side did not list:" >&2; cat "$out/cpu.out" >&2; exit 1; }
        c[$side]+="${this[$side]} "
    done
    r_default+="$(ratio "${this[default]}" "${this[boto3]}") "
    r_shipped+="$(ratio "${this[shipped]}" "${this[boto3]}") "
done

# Daemons: default and shipped at once, a check 15 s after they start, VmRSS 10 s after its report.
echo "5. daemon RSS after a check: $rounds rounds"
declare -A rss=([default]="" [shipped]="") hwm=([default]="" [shipped]="") dcpu=([default]="" [shipped]="")
r_rss=""
for round in $(seq 1 "$rounds"); do
    config "$out/daemon.yaml" "$(date -d "@$(($(date +%s) + 15))" '+%-S %-M %-H %-d %-m ? %Y')"
    declare -A pids=()
    for side in default shipped; do
        if [[ $side == default ]]; then opts=(); else opts=("${shipped[@]}"); fi
        java "${opts[@]}" -jar "$jar" --config "$out/daemon.yaml" >"$out/daemon.$side.log" 2>&1 &
        pids[$side]=$!
    done
    declare -A ticks=()
    for side in default shipped; do # the daemons' CPU time so far (user + sys, clock ticks): the check is 15 s away
        until grep -q 'Backup checks of' "$out/daemon.$side.log"; do sleep 0.2; done
        ticks[$side]=$(awk '{ print $14 + $15 }' "/proc/${pids[$side]}/stat")
    done
    for side in default shipped; do
        until grep -q 'object(s) listed' "$out/daemon.$side.log"; do
            kill -0 "${pids[$side]}" 2>/dev/null || { echo "the $side daemon ended:" >&2; cat "$out/daemon.$side.log" >&2; exit 1; }
            sleep 0.5
        done
    done
    sleep 10
    declare -A now=()
    for side in default shipped; do
        now[$side]=$(awk '/^VmRSS/ { printf "%.1f", $2 / 1024 }' "/proc/${pids[$side]}/status")
        rss[$side]+="${now[$side]} "
        hwm[$side]+="$(awk '/^VmHWM/ { printf "%.1f", $2 / 1024 }' "/proc/${pids[$side]}/status") "
        dcpu[$side]+="$(awk -v t0="${ticks[$side]}" -v hz="$(getconf CLK_TCK)" '{ printf "%.2f", ($14 + $15 - t0) / hz }' \
            "/proc/${pids[$side]}/stat") "
        kill "${pids[$side]}"; wait "${pids[$side]}" 2>/dev/null || true
    done
    r_rss+="$(ratio "${now[shipped]}" "${now[default]}") "
done

printf '%-52s %9s %9s %9s %7s\n' figure boto3 default shipped ratio
printf '%-52s %9s %9s %9s %7s\n' "6. --check of $((folders * per_folder)) keys, process CPU (s)" "$(m "${c[boto3]}")" \
    "$(m "${c[default]}")" "$(m "${c[shipped]}")" ""
printf '%-52s %9s %9.2f %9.2f\n' "   CPU / the boto3 loop's (ratio)" "" "$(m "$r_default")" "$(m "$r_shipped")"
printf '%-52s %9s %9s %9s\n' "   CPU of the running daemon's scheduled check (s)" "" "$(m "${dcpu[default]}")" \
    "$(m "${dcpu[shipped]}")"
printf '%-52s %9s %9s %9s %7.2f\n' "5. daemon RSS 10 s after a check (MiB)" "" "$(m "${rss[default]}")" \
    "$(m "${rss[shipped]}")" "$(m "$r_rss")"
printf '%-52s %9s %9s %9s\n' "   peak RSS, VmHWM (MiB)" "" "$(m "${hwm[default]}")" "$(m "${hwm[shipped]}")"
echo "(medians of $rounds rounds; ratio = shipped / default, pair by pair; load average $(cut -d' ' -f1-3 /proc/loadavg))"
