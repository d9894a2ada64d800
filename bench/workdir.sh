# Sourced by the benchmarks: a fresh work dir $out (src/ and bin/ in it) with a GnuPG home holding a new,
# passphrase-less key; exports GNUPGHOME and sets $key to the key's fingerprint.
# shellcheck shell=bash disable=SC2154 # $out is set by the script that sources this one
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
# shellcheck disable=SC2034 # used by the script that sources this one
key=$(gpg --batch --with-colons --list-secret-keys | awk -F: '/^fpr/ {print $10; exit}')
