#!/usr/bin/env bash
# PostgreSQL helpers for Tuner's scripts. Source this file, then call the functions.
#
# Tuner runs its own private PostgreSQL cluster (initdb + pg_ctl on a port of its own, see
# src/Scheduler/LocalPostgres), so all it needs from the system is the server binaries in
# /usr/lib/postgresql/<version>/bin. It never uses the system cluster that Debian's package may start on 5432.

source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

POSTGRES_LIB_DIR="${POSTGRES_LIB_DIR:-/usr/lib/postgresql}"

_postgres_server_installed() {
  compgen -G "${POSTGRES_LIB_DIR}/*/bin/initdb" >/dev/null
}

# Installs Debian's postgresql package when no ${POSTGRES_LIB_DIR}/*/bin/initdb exists; does nothing otherwise.
ensure_postgres_installed() {
  if _postgres_server_installed; then
    return 0
  fi
  apt_install ensure_postgres_installed \
    "PostgreSQL server binaries not found in ${POSTGRES_LIB_DIR}/*/bin (or set TUNER_DATABASE_URL to use an existing server)" \
    postgresql || return 1
  if ! _postgres_server_installed; then
    echo "ensure_postgres_installed: apt-get installed postgresql, but ${POSTGRES_LIB_DIR}/*/bin/initdb still" \
      "does not exist" >&2
    return 1
  fi
}
