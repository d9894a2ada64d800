#!/bin/sh
# Entrypoint of the duplicity-unattended container image.
#
#   entrypoint.sh [OPTION...]   run the program: java -jar JAR --config CONFIG OPTION...
#                               (--config CONFIG is added unless an option names the config)
#   entrypoint.sh COMMAND...    run another command in the same environment, e.g.
#                               gpg --import /key/private.asc
#
# Started as root (docker run --user 0), it first becomes the unprivileged service user and keeps
# only CAP_DAC_READ_SEARCH, as an ambient capability: the backup can then read every file mounted
# into the container, owned by whoever, and change none, like the systemd units. Like them it sets
# the no_setuid_fixup secure bit: duplicity reads a file only if access(2) allows it, and without
# that bit access(2) checks a non-root uid with no capability at all, so every file only root can
# read would be skipped (as "possibly locked") while the backup still ends ok.
#
# Environment (defaults are the image's layout):
#   DUPLICITY_UNATTENDED_JAR     /opt/duplicity-unattended/duplicity-unattended.jar
#   DUPLICITY_UNATTENDED_CONFIG  /etc/duplicity-unattended/config.yaml
#   DUPLICITY_UNATTENDED_USER    duplicity-unattended (the user to become when started as root)
#   JAVA                         java
#   JAVA_OPTS                    extra JVM options, split on spaces
#   GNUPGHOME, XDG_CACHE_HOME    GnuPG home and cache root; both must be writable volumes (the JVM's class
#                                archive, duplicity-unattended.jsa, is made in the cache root)
set -eu

jar="${DUPLICITY_UNATTENDED_JAR:-/opt/duplicity-unattended/duplicity-unattended.jar}"
config="${DUPLICITY_UNATTENDED_CONFIG:-/etc/duplicity-unattended/config.yaml}"
user="${DUPLICITY_UNATTENDED_USER:-duplicity-unattended}"

fail() { # exit code 2: a bad environment, as the program itself reports it
    echo "entrypoint: $*" >&2
    exit 2
}

if [ "$(id -u)" = 0 ]; then
    command -v setpriv >/dev/null || fail "started as root but setpriv (util-linux) is missing"
    id "$user" >/dev/null 2>&1 || fail "started as root but user $user does not exist"
    # Setting a secure bit needs CAP_SETPCAP (bit 8 of the effective set).
    capeff="$(sed -n 's/^CapEff:[[:space:]]*//p' /proc/self/status)"
    [ $(((0x$capeff >> 8) & 1)) = 1 ] ||
        fail "started as root without CAP_SETPCAP (add --cap-add=SETPCAP): without it duplicity would skip every file only root can read"
    exec setpriv --reuid="$(id -u "$user")" --regid="$(id -g "$user")" --init-groups --no-new-privs \
        --inh-caps=-all,+dac_read_search --ambient-caps=-all,+dac_read_search \
        --securebits=+no_setuid_fixup \
        -- "$0" "$@"
fi

# gpg writes its trustdb, random_seed and agent sockets into its home, and duplicity keeps its
# archive under the cache root: both must be writable, or every backup fails half-way.
for dir in "${GNUPGHOME:-$HOME/.gnupg}" "${XDG_CACHE_HOME:-$HOME/.cache}"; do
    if [ ! -d "$dir" ]; then
        (umask 077 && mkdir -p "$dir") 2>/dev/null || fail "cannot create $dir (mount a writable volume there)"
    fi
    [ -w "$dir" ] || fail "$dir is not writable by uid $(id -u) (chown the volume to it)"
done

case "${1:-}" in
    "" | -*) ;;           # options (or none): run the program below
    *) exec "$@" ;;       # any other command: run it as given
esac

has_config=no
previous=
for arg in "$@"; do
    case "$arg" in
        --config=*) has_config=yes; config="${arg#--config=}" ;;
        --config) has_config=yes ;;
    esac
    [ "$previous" = --config ] && config="$arg"
    previous="$arg"
done
if [ "$has_config" = no ]; then
    set -- --config "$config" "$@"
fi

# C1 only in one thread, the serial collector and a small first heap that gives back what a collection
# leaves free beyond 20%, all at once (the program widens that while it lists a bucket), and the C heap
# trimmed every 5 s (glibc keeps what the JVM frees): about half the start-up time and a third less memory
# than the JVM's defaults on a small host (see "Performance" in README.md).
java="${JAVA:-java}"
jvm="-XX:+ExitOnOutOfMemoryError -XX:-UsePerfData -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1 -XX:+UseSerialGC"
jvm="$jvm -Xms8m -XX:MinHeapFreeRatio=10 -XX:MaxHeapFreeRatio=20 -XX:-ShrinkHeapInSteps -XX:TrimNativeHeapInterval=5000"
# The JVM's class archive (AppCDS) roughly halves the start-up again. JDK 17 cannot make it by itself, so a
# start makes it in the cache volume when it is missing or was made for another jar or JDK: a training run
# that starts every flow and backs up nothing (--start-only), kept only when it succeeds. Whatever goes wrong
# here, the program still starts, only slower (the JVM ignores a missing or stale archive).
archive="${XDG_CACHE_HOME:-$HOME/.cache}/duplicity-unattended.jsa"
# shellcheck disable=SC2086 # $jvm and JAVA_OPTS are lists of options, split on purpose
if ! { [ -s "$archive" ] &&
    "$java" $jvm -Xshare:on -XX:SharedArchiveFile="$archive" ${JAVA_OPTS:-} -cp "$jar" -version >/dev/null 2>&1; }; then
    if "$java" $jvm -XX:ArchiveClassesAtExit="$archive.new" ${JAVA_OPTS:-} -jar "$jar" --config "$config" --start-only \
        >/dev/null 2>&1; then
        mv -f "$archive.new" "$archive" 2>/dev/null || true
    fi
    rm -f "$archive.new"
fi

# shellcheck disable=SC2086 # $jvm and JAVA_OPTS are lists of options, split on purpose
exec "$java" $jvm -XX:SharedArchiveFile="$archive" ${JAVA_OPTS:-} -jar "$jar" "$@"
