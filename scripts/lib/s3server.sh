#!/usr/bin/env bash
# S3-compatible test servers for Tuner's tests. Source this file, then call the function.
#
# The S3 tests start S3 emulators from npm as child processes on free loopback ports (tests/Support/S3). No MinIO
# server can be installed from Debian's or npm's registries.
# - fauxqs (FauxqsServer.cs) is started as `.tuner/tools/node_modules/.bin/fauxqs` with FAUXQS_PORT=<port>
#   FAUXQS_LOGGER=false; it keeps its buckets in memory and answers GET /health when ready.
# - s3rver (S3rverServer.cs) is started as `.tuner/tools/node_modules/.bin/s3rver --directory <temp> --address
#   127.0.0.1 --port <port> --silent`; it keeps objects in that directory and, unlike fauxqs, stores the
#   x-amz-storage-class header, so tests can check what CopyObject did to an object's storage class.
# Both, at exact versions, are in tests/tools/package.json and package-lock.json (tests/tools/README.md); they are
# installed with `npm ci` into .tuner/tools, where the tests expect them. .tuner/tools also holds Node itself
# (.tuner/tools/node, scripts/lib/node.sh) and the OpenAPI tools (.tuner/tools/api-client), which `npm ci` leaves alone:
# it replaces only .tuner/tools/node_modules.

source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

S3_TEST_TOOLS_SOURCE="tests/tools"
S3_TEST_TOOLS_DIR=".tuner/tools"

_s3_test_servers_installed() {
  [[ -x "${S3_TEST_TOOLS_DIR}/node_modules/.bin/fauxqs" &&
    -x "${S3_TEST_TOOLS_DIR}/node_modules/.bin/s3rver" &&
    -f "${S3_TEST_TOOLS_DIR}/package-lock.json" ]] &&
    cmp -s "${S3_TEST_TOOLS_SOURCE}/package-lock.json" "${S3_TEST_TOOLS_DIR}/package-lock.json"
}

# Installs the locked S3 test servers (fauxqs, s3rver) into .tuner/tools (relative to the current directory, the
# repository root) when either is missing or tests/tools/package-lock.json differs from the copy there; does nothing
# otherwise. Makes Node >= 20 available on PATH first (scripts/lib/node.sh), since fauxqs needs it to run.
ensure_s3_test_server_installed() {
  ensure_node || return 1
  if _s3_test_servers_installed; then
    return 0
  fi
  echo "ensure_s3_test_server_installed: installing ${S3_TEST_TOOLS_SOURCE}/package-lock.json (fauxqs, s3rver) into ${S3_TEST_TOOLS_DIR}" >&2
  mkdir -p "${S3_TEST_TOOLS_DIR}"
  cp "${S3_TEST_TOOLS_SOURCE}/package.json" "${S3_TEST_TOOLS_SOURCE}/package-lock.json" "${S3_TEST_TOOLS_DIR}/" || return 1
  if ! npm ci --prefix "${S3_TEST_TOOLS_DIR}" --no-audit --no-fund --loglevel=error; then
    rm -f "${S3_TEST_TOOLS_DIR}/package-lock.json" # so that the next call installs again, whatever npm ci left behind
    echo "ensure_s3_test_server_installed: npm ci failed in ${S3_TEST_TOOLS_DIR} (its messages are above)" >&2
    return 1
  fi
  if ! _s3_test_servers_installed; then
    echo "ensure_s3_test_server_installed: npm ci finished, but fauxqs or s3rver is still missing under ${S3_TEST_TOOLS_DIR}/node_modules/.bin" >&2
    return 1
  fi
}
