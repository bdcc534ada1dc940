#!/usr/bin/env bash
# PostgreSQL helpers for Tuner's scripts. Source this file, then call the functions.
#
# Tuner runs its own private PostgreSQL cluster (initdb + pg_ctl on a port of its own, see
# src/Scheduler/LocalPostgres), so all it needs from the system is the server binaries in
# /usr/lib/postgresql/<version>/bin. It never uses the system cluster that Debian's package may start on 5432.

POSTGRES_LIB_DIR="${POSTGRES_LIB_DIR:-/usr/lib/postgresql}"

_postgres_server_installed() {
  compgen -G "${POSTGRES_LIB_DIR}/*/bin/initdb" >/dev/null
}

# Installs Debian's postgresql package when no ${POSTGRES_LIB_DIR}/*/bin/initdb exists; does nothing otherwise.
ensure_postgres_installed() {
  if _postgres_server_installed; then
    return 0
  fi
  local -a as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "ensure_postgres_installed: PostgreSQL server binaries not found in ${POSTGRES_LIB_DIR}/*/bin;" \
        "installing Debian's postgresql package needs root, and this user is not root and sudo is missing;" \
        "run 'apt-get install -y postgresql' as root or set TUNER_DATABASE_URL to use an existing server" >&2
      return 1
    fi
    as_root=(sudo)
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "ensure_postgres_installed: PostgreSQL server binaries not found in ${POSTGRES_LIB_DIR}/*/bin and" \
      "apt-get is missing; install the PostgreSQL server (initdb, pg_ctl, postgres) or set TUNER_DATABASE_URL" >&2
    return 1
  fi
  echo "ensure_postgres_installed: installing Debian's postgresql package" >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends postgresql || return 1
  if ! _postgres_server_installed; then
    echo "ensure_postgres_installed: apt-get installed postgresql, but ${POSTGRES_LIB_DIR}/*/bin/initdb still" \
      "does not exist" >&2
    return 1
  fi
}
