#!/usr/bin/env bash
# Installing Debian packages from Tuner's scripts. Source this file, then call the function.

# apt_install WHO WHY PACKAGE...: installs Debian packages with apt-get, through sudo when not root. WHO names the
# caller in messages; WHY says what is missing and what else the user can do, for when installing is impossible.
apt_install() {
  local who="$1" why="$2"
  shift 2
  local -a as_root=()
  if [[ "$(id -u)" -ne 0 ]]; then
    if ! command -v sudo >/dev/null 2>&1; then
      echo "${who}: ${why}; installing Debian's $* package(s) needs root, and this user is not root and sudo is" \
        "missing; run 'apt-get install -y $*' as root" >&2
      return 1
    fi
    as_root=(sudo)
  fi
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "${who}: ${why}, and apt-get is missing to install $*" >&2
    return 1
  fi
  echo "${who}: installing Debian's $* package(s)" >&2
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q || return 1
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$@" || return 1
}
