#!/usr/bin/env bash
# S3-compatible test server for Tuner's tests. Source this file, then call the functions.
#
# The S3 tests start fauxqs (tests/Support/S3/FauxqsServer.cs), an S3 emulator from npm, as a
# child process on a free loopback port. No MinIO server can be installed from Debian's or npm's registries.
# fauxqs is started as `.tuner/tools/node_modules/.bin/fauxqs` with FAUXQS_PORT=<port> FAUXQS_LOGGER=false; it keeps
# its buckets in memory and answers GET /health when ready.

source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

S3_TEST_SERVER_PACKAGE="${S3_TEST_SERVER_PACKAGE:-fauxqs@1.9.2}"
S3_TEST_SERVER_VERSION="${S3_TEST_SERVER_PACKAGE##*@}"

_s3_test_server_installed() {
  local manifest=".tuner/tools/node_modules/fauxqs/package.json"
  [[ -x .tuner/tools/node_modules/.bin/fauxqs && -f "$manifest" ]] &&
    grep -q "\"version\": \"${S3_TEST_SERVER_VERSION}\"" "$manifest"
}

# Installs ${S3_TEST_SERVER_PACKAGE} into .tuner/tools (relative to the current directory, the repository root) when
# it is missing; makes Node >= 20 available on PATH first (scripts/lib/node.sh), since fauxqs needs it to run.
ensure_s3_test_server_installed() {
  ensure_node || return 1
  if _s3_test_server_installed; then
    return 0
  fi
  echo "ensure_s3_test_server_installed: installing ${S3_TEST_SERVER_PACKAGE} into .tuner/tools" >&2
  mkdir -p .tuner/tools
  npm install --prefix .tuner/tools --no-audit --no-fund --loglevel=error "${S3_TEST_SERVER_PACKAGE}" || return 1
  if ! _s3_test_server_installed; then
    echo "ensure_s3_test_server_installed: npm installed ${S3_TEST_SERVER_PACKAGE}, but" \
      ".tuner/tools/node_modules/.bin/fauxqs is still missing" >&2
    return 1
  fi
}
