#!/usr/bin/env bash
# Restore of a GovIT backup made by scripts/backup.sh into a FRESH database and a fresh data directory.
# See docs/reliability.md "Backup and restore".
#
# Usage: scripts/restore.sh --data-dir DIR (--keys-from KEYS_DIR | --no-keys) [--database NAME] [--create]
#                           [--embedded-server DIR] BACKUP_DIR
#
#   --data-dir DIR         the restored application's govit.data-dir: documents/ (must be empty or absent) and
#                          keys/ are written there
#   --keys-from KEYS_DIR   the key files saved by backup.sh --keys-to (checked against their KEYS-MANIFEST);
#                          without the same keys the restored platform cannot open the sealed personal data,
#                          the SM2 signing keys or verify the keyed audit chain
#   --no-keys              the keys come from govit.crypto.* settings, restored from the secret store
#   --database NAME        the target database (default PGDATABASE); it must be empty, or absent with --create
#   --create               create the database (UTF8, from template0)
#   --embedded-server DIR  connect to the running embedded server of the data directory DIR (port from its
#                          postmaster.pid, user postgres with trust) instead of the PG* environment variables
#
# Nothing is changed unless the backup verifies: every file of the MANIFEST has its digest (SM3 or SHA-256, as
# the manifest says) and size, no document file is unlisted, and the keys match their KEYS-MANIFEST. The
# database is restored in one transaction (all or nothing); then the documents and keys are copied and the
# copies checked against the manifest again. PG_BIN may name the directory of pg_restore and psql.
set -euo pipefail
umask 077

data_dir=
keys_from=
no_keys=false
database=${PGDATABASE:-}
create=false
embedded=
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir=$2; shift 2 ;;
    --keys-from) keys_from=$2; shift 2 ;;
    --no-keys) no_keys=true; shift ;;
    --database) database=$2; shift 2 ;;
    --create) create=true; shift ;;
    --embedded-server) embedded=$2; shift 2 ;;
    -h|--help) sed -n '2,23p' "$0"; exit 0 ;;
    --*) echo "restore: unknown option $1" >&2; exit 2 ;;
    *) break ;;
  esac
done
[[ $# -eq 1 && -n "$data_dir" ]] || {
  echo "usage: $0 --data-dir DIR (--keys-from KEYS_DIR | --no-keys) [--database NAME] [--create] [--embedded-server DIR] BACKUP_DIR" >&2; exit 2; }
[[ -n "$keys_from" || "$no_keys" == true ]] || { echo "restore: --keys-from KEYS_DIR or --no-keys" >&2; exit 2; }
[[ "$database" =~ ^[A-Za-z_][A-Za-z0-9_]*$ ]] || { echo "restore: name the target database (--database NAME, letters, digits, _)" >&2; exit 2; }
backup=$(realpath -e "$1")
data_dir=$(realpath -m "$data_dir")
pg_bin=${PG_BIN:+$PG_BIN/}
[[ -f "$backup/MANIFEST" && -f "$backup/database.dump" ]] || { echo "restore: $backup is not a backup (no MANIFEST or database.dump)" >&2; exit 1; }

if [[ -n "$embedded" ]]; then
  pid_file="$(realpath -m "$embedded")/pg/postmaster.pid"
  [[ -f "$pid_file" ]] || { echo "restore: no running embedded server ($pid_file)" >&2; exit 1; }
  export PGHOST=localhost PGPORT=$(sed -n 4p "$pid_file") PGUSER=postgres
fi
unset PGDATABASE

algorithm=$(sed -n 's/^# algorithm: //p' "$backup/MANIFEST")
case "$algorithm" in
  sm3) digest=(openssl dgst -sm3 -r) ;;
  sha256) digest=(sha256sum) ;;
  *) echo "restore: unknown digest algorithm '$algorithm' in the manifest" >&2; exit 1 ;;
esac
shopt -s nullglob

# manifest_lines FILE...: "<digest> <size> <path>" per file (as backup.sh writes them), one digest process for all
manifest_lines() {
  [[ $# -gt 0 ]] || return 0
  LC_ALL=C join -j 1 -o 1.2,2.2,0 \
    <(printf '%s\0' "$@" | xargs -0 "${digest[@]}" | sed -E 's/^([0-9a-f]+) [ *]?(.*)$/\2 \1/' | LC_ALL=C sort) \
    <(printf '%s\0' "$@" | xargs -0 stat -c '%n %s' | LC_ALL=C sort)
}

# check_manifest MANIFEST DIR: every file the manifest lists is under DIR with its digest and size; prints the count
check_manifest() {
  local manifest=$1 dir=$2 expected actual bad p
  local -a present=()
  expected=$(awk '!/^#/ && NF == 3 { print $3, $1, $2 }' "$manifest" | LC_ALL=C sort)
  while read -r p _; do
    [[ -n "$p" && -f "$dir/$p" ]] && present+=("$p")
  done <<< "$expected"
  actual=$(cd "$dir" && manifest_lines "${present[@]}" | awk '{ print $3, $1, $2 }' | LC_ALL=C sort)
  bad=$(LC_ALL=C comm -23 <(printf '%s\n' "$expected") <(printf '%s\n' "$actual") | awk 'NF { print $1 }')
  if [[ -n "$bad" ]]; then
    while read -r p; do echo "restore: $dir/$p is missing or does not match its manifest digest and size" >&2; done <<< "$bad"
    echo "restore: $(wc -l <<< "$bad") files of $manifest fail the check" >&2
    return 1
  fi
  grep -c . <<< "$expected" || true
}

t0=$(date +%s%N)
# 1. the backup and the keys verify, before anything is touched
files=$(check_manifest "$backup/MANIFEST" "$backup") || { echo "restore: the backup does not verify; nothing restored" >&2; exit 1; }
for f in "$backup"/documents/*; do
  [[ -e "$f" ]] || continue
  grep -q " documents/$(basename "$f")\$" "$backup/MANIFEST" || { echo "restore: $f is not in the manifest" >&2; exit 1; }
done
documents=$(grep -c ' documents/' "$backup/MANIFEST" || true)
keys=0
if [[ -n "$keys_from" ]]; then
  keys_from=$(realpath -e "$keys_from")
  [[ -f "$keys_from/KEYS-MANIFEST" ]] || { echo "restore: $keys_from has no KEYS-MANIFEST" >&2; exit 1; }
  keys=$(check_manifest "$keys_from/KEYS-MANIFEST" "$keys_from")
fi

# 2. the targets are fresh
if [[ -d "$data_dir/documents" && -n "$(ls -A "$data_dir/documents")" ]]; then
  echo "restore: $data_dir/documents is not empty; restore into a fresh data directory" >&2; exit 1
fi
if [[ -n "$keys_from" && -d "$data_dir/keys" ]]; then
  for f in "$data_dir"/keys/*; do
    [[ -e "$f" ]] || continue
    cmp -s "$f" "$keys_from/$(basename "$f")" || { echo "restore: $f exists and differs from the backup's key" >&2; exit 1; }
  done
fi
psql_run() { "${pg_bin}psql" -X -q -A -t -v ON_ERROR_STOP=1 --no-password "$@"; }
exists=$(psql_run -d postgres -c "SELECT count(*) FROM pg_database WHERE datname = '$database'")
if [[ "$exists" == 0 ]]; then
  [[ "$create" == true ]] || { echo "restore: database $database does not exist (use --create)" >&2; exit 1; }
  psql_run -d postgres -c "CREATE DATABASE \"$database\" TEMPLATE template0 ENCODING 'UTF8'"
else
  objects=$(psql_run -d "$database" -c "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'")
  [[ "$objects" == 0 ]] || { echo "restore: database $database is not empty ($objects relations); restore into a fresh one" >&2; exit 1; }
fi
t1=$(date +%s%N)

# 3. the database, in one transaction; owners are the restoring user's (the dump's owner may not exist here)
"${pg_bin}pg_restore" --no-owner --exit-on-error --single-transaction --no-password --dbname="$database" \
  "$backup/database.dump"
t2=$(date +%s%N)

# 4. the documents and the keys, each copy checked again
mkdir -p "$data_dir/documents"
if [[ $documents -gt 0 ]]; then
  cp -p "$backup"/documents/*.bin "$data_dir/documents/"
fi
grep ' documents/' "$backup/MANIFEST" | sed 's# documents/# #' > "$data_dir/.restore-check"
check_manifest "$data_dir/.restore-check" "$data_dir/documents" > /dev/null
rm -f "$data_dir/.restore-check"
if [[ -n "$keys_from" ]]; then
  mkdir -p "$data_dir/keys"
  chmod 700 "$data_dir/keys"
  for f in "$keys_from"/*; do
    [[ -f "$f" && "$(basename "$f")" != KEYS-MANIFEST ]] || continue
    cp -p "$f" "$data_dir/keys/"
    chmod 600 "$data_dir/keys/$(basename "$f")"
  done
  grep -v '^#' "$keys_from/KEYS-MANIFEST" > "$data_dir/.restore-check" || true
  check_manifest "$data_dir/.restore-check" "$data_dir/keys" > /dev/null
  rm -f "$data_dir/.restore-check"
fi
t3=$(date +%s%N)

echo "restore: $files files verified ($algorithm) in $(( (t1 - t0) / 1000000 )) ms; database ${PGHOST:-local socket}:${PGPORT:-5432}/$database restored in $(( (t2 - t1) / 1000000 )) ms; $documents documents and $keys key files copied to $data_dir and checked in $(( (t3 - t2) / 1000000 )) ms; total $(( (t3 - t0) / 1000000 )) ms"
