#!/usr/bin/env bash
# Backup of GovIT: the PostgreSQL database (pg_dump custom format) and the document store, with a manifest of
# SM3 digests and sizes; the keys kept outside the database (govit.data-dir/keys) go to a SEPARATE directory.
# See docs/reliability.md "Backup and restore".
#
# Usage: scripts/backup.sh [--data-dir DIR] --keys-to KEYS_DIR BACKUP_DIR
#        scripts/backup.sh [--data-dir DIR] --no-keys BACKUP_DIR     (keys come from the configuration)
#
#   --data-dir DIR   the application's govit.data-dir (default ./data): documents/ and keys/ are read there
#   --keys-to DIR    where the key files are copied (mode 700/600); must not be inside BACKUP_DIR and
#                    BACKUP_DIR not inside it: the keys open the encrypted fields and the signing key, so they
#                    never travel with the dump
#   --no-keys        the keys come from govit.crypto.* settings (a secret store), which is backed up there
#   BACKUP_DIR       a new (or empty) directory: database.dump, documents/, MANIFEST
#
# Database: the PG* environment variables (PGHOST, PGPORT, PGDATABASE, PGUSER, PGPASSWORD or ~/.pgpass) of an
# external server; when none of PGHOST, PGPORT, PGDATABASE is set, the embedded default of --data-dir
# (server under DIR/pg, port from its postmaster.pid, user postgres with trust, database postgres).
# PG_BIN may name the directory of pg_dump/pg_restore (e.g. /usr/lib/postgresql/15/bin); else they come from PATH.
#
# Order (why the copy is consistent): the dump is ONE snapshot; the documents are copied AFTER it. A document
# row is committed only after its file was written, forced to disk and moved into place, and files are never
# deleted (Art. 30; the sweeper removes only files no committed row points at), so every file a row of the
# snapshot names still exists when the copy runs. Files added later are copied too and are harmless orphans
# (no row of the dump names them); the script checks the claim: every storage name in the dump has its file.
set -euo pipefail
umask 077

data_dir=./data
keys_to=
no_keys=false
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir=$2; shift 2 ;;
    --keys-to) keys_to=$2; shift 2 ;;
    --no-keys) no_keys=true; shift ;;
    -h|--help) sed -n '2,25p' "$0"; exit 0 ;;
    --*) echo "backup: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -eq 1 ]] || { echo "usage: $0 [--data-dir DIR] (--keys-to KEYS_DIR | --no-keys) BACKUP_DIR" >&2; exit 2; }
backup=$1
if [[ -z "$keys_to" && "$no_keys" != true ]]; then
  echo "backup: say where the keys go (--keys-to DIR, a separate protected place) or --no-keys" >&2; exit 2
fi

pg_bin=${PG_BIN:+$PG_BIN/}
data_dir=$(realpath -m "$data_dir")
backup=$(realpath -m "$backup")
if [[ -e "$backup" && -n "$(ls -A "$backup")" ]]; then
  echo "backup: $backup exists and is not empty" >&2; exit 1
fi
if [[ -n "$keys_to" ]]; then
  keys_to=$(realpath -m "$keys_to")
  if [[ "$keys_to/" == "$backup/"* || "$backup/" == "$keys_to/"* ]]; then
    echo "backup: the keys must not go into the backup directory (nor the backup into the keys directory)" >&2; exit 1
  fi
  if [[ -e "$keys_to" && -n "$(ls -A "$keys_to")" ]]; then
    echo "backup: $keys_to exists and is not empty" >&2; exit 1
  fi
fi

# digest: SM3 (GB/T 32905) through OpenSSL when it has it, else SHA-256; the manifest names the algorithm
if openssl dgst -sm3 /dev/null >/dev/null 2>&1; then
  algorithm=sm3; digest=(openssl dgst -sm3 -r)
else
  algorithm=sha256; digest=(sha256sum)
fi
# manifest_lines FILE...: "<digest> <size> <path>" per file, with one digest process for many files (one per
# file would be slow with thousands of documents)
manifest_lines() {
  [[ $# -gt 0 ]] || return 0
  LC_ALL=C join -j 1 -o 1.2,2.2,0 \
    <(printf '%s\0' "$@" | xargs -0 "${digest[@]}" | sed -E 's/^([0-9a-f]+) [ *]?(.*)$/\2 \1/' | LC_ALL=C sort) \
    <(printf '%s\0' "$@" | xargs -0 stat -c '%n %s' | LC_ALL=C sort)
}
shopt -s nullglob

if [[ -z "${PGHOST:-}${PGPORT:-}${PGDATABASE:-}" ]]; then
  pid_file="$data_dir/pg/postmaster.pid"
  [[ -f "$pid_file" ]] || { echo "backup: no PG* settings and no running embedded server ($pid_file)" >&2; exit 1; }
  export PGHOST=localhost PGPORT=$(sed -n 4p "$pid_file") PGUSER=postgres PGDATABASE=postgres
  source_name="embedded server of $data_dir (port $PGPORT)"
else
  source_name="${PGHOST:-local socket}:${PGPORT:-5432}/${PGDATABASE:-${PGUSER:-${USER:-}}}"
fi

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
t0=$(date +%s%N)
mkdir -p "$backup/documents"

# 1. the database: one consistent snapshot (pg_dump runs in a single repeatable-read transaction)
"${pg_bin}pg_dump" --format=custom --no-password --file="$backup/database.dump"
t1=$(date +%s%N)

# 2. the documents, after the dump (see the order above); a file that vanishes while copying was an orphan
#    removed by the sweeper, which the check in 3. confirms; temporary files of writes in progress are skipped
copied=0
if [[ -d "$data_dir/documents" ]]; then
  for f in "$data_dir"/documents/*.bin; do
    [[ -e "$f" ]] || continue
    if cp -p "$f" "$backup/documents/" 2>/dev/null; then
      copied=$((copied + 1))
    elif [[ -e "$f" ]]; then
      echo "backup: cannot copy $f" >&2; exit 1
    fi
  done
fi
t2=$(date +%s%N)

# 3. the check: every document row of the dump names a copied file
referenced=$("${pg_bin}pg_restore" --data-only --table=document --file=- "$backup/database.dump" | awk '
  /^COPY .*document \(/ { n = split(substr($0, index($0, "(") + 1), cols, ", *");
                          for (i = 1; i <= n; i++) { c = cols[i]; sub(/\).*/, "", c); if (c == "storage_name") col = i }
                          inside = 1; next }
  inside && /^\\\.$/ { inside = 0; next }
  inside { split($0, f, "\t"); if (f[col] != "\\N") print f[col] }')
rows=0
missing=0
while IFS= read -r name; do
  [[ -n "$name" ]] || continue
  rows=$((rows + 1))
  if [[ ! -f "$backup/documents/$name" ]]; then
    echo "backup: document file $name named in the dump is missing from the store" >&2
    missing=$((missing + 1))
  fi
done <<< "$referenced"
if [[ $missing -gt 0 ]]; then
  echo "backup: INCOMPLETE, $missing of $rows stored documents have no file; the backup is not usable" >&2; exit 1
fi

# 4. the manifest: digest, size and path of every file of the backup
{
  echo "# GovIT backup"
  echo "# created: $started"
  echo "# source: $source_name"
  echo "# pg_dump: $("${pg_bin}pg_dump" --version)"
  echo "# document rows with a file: $rows; files copied: $copied"
  echo "# algorithm: $algorithm"
  echo "# <digest> <size in bytes> <path>"
  cd "$backup"
  manifest_lines database.dump documents/*.bin
} > "$backup/MANIFEST.tmp"
mv "$backup/MANIFEST.tmp" "$backup/MANIFEST"

# 5. the keys, to their own place with their own manifest
keys=0
if [[ -n "$keys_to" ]]; then
  mkdir -p "$keys_to"
  chmod 700 "$keys_to"
  key_names=()
  if [[ -d "$data_dir/keys" ]]; then
    for f in "$data_dir"/keys/*; do
      [[ -f "$f" ]] || continue
      cp -p "$f" "$keys_to/"
      chmod 600 "$keys_to/$(basename "$f")"
      key_names+=("$(basename "$f")")
      keys=$((keys + 1))
    done
  fi
  [[ $keys -gt 0 ]] || echo "backup: WARNING no key files in $data_dir/keys; if the keys come from govit.crypto.* settings, back those up" >&2
  (cd "$keys_to" && { echo "# GovIT keys of the backup created $started ($algorithm)";
    manifest_lines "${key_names[@]}"; } > KEYS-MANIFEST.tmp && mv KEYS-MANIFEST.tmp KEYS-MANIFEST)
  chmod 600 "$keys_to/KEYS-MANIFEST"
fi
t3=$(date +%s%N)

dump_size=$(stat -c %s "$backup/database.dump")
doc_bytes=$(find "$backup/documents" -type f -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
echo "backup: $backup"
echo "backup: database.dump $dump_size bytes in $(( (t1 - t0) / 1000000 )) ms; $copied document files ($doc_bytes bytes) copied in $(( (t2 - t1) / 1000000 )) ms; $rows document rows all with their file; $keys key files to ${keys_to:-(none)}; $algorithm manifest; total $(( (t3 - t0) / 1000000 )) ms"
