# shellcheck shell=bash
# What the benchmarks share, sourced by them.

# bench_setup DIR: empties DIR (ending the gpg-agent of its GnuPG home first) and makes DIR/gnupg with a new
# passphrase-less key, as the backups need; exports GNUPGHOME and sets key to the key's fingerprint.
bench_setup() {
    local out=$1
    if [[ -d $out/gnupg ]]; then GNUPGHOME="$out/gnupg" gpgconf --kill gpg-agent || true; fi
    rm -rf "$out"; mkdir -p "$out"; install -d -m 700 "$out/gnupg"
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
    # shellcheck disable=SC2034 # read by the scripts that source this
    key=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr/ {print $10; exit}')
}

# unit_jvm_options UNIT: the JVM options of the unit file's ExecStart= (the class archive left out: each benchmark
# makes its own), one per line.
unit_jvm_options() {
    sed -n '/^ExecStart=/,/-jar/p' "$1" | grep -o -- '-X[^ ]*' | grep -v SharedArchiveFile
}

# median: the median of the numbers on stdin, one per line (the mean of the middle two for an even count).
median() { sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }

# m "LIST": the median of a space-separated list of numbers.
# shellcheck disable=SC2086 # the list is split on purpose
m() { printf '%s\n' $1 | median; }
