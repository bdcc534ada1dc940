#!/usr/bin/env bash
# OpenAPI tools for Tuner's tests. Source this file, then call the function.
#
# tests/Scheduler.EndToEnd.Tests/Api/GeneratedClientTests lints the document a real `tuner server` serves with Redocly's CLI,
# generates a TypeScript client from it with openapi-typescript, typechecks it with tsc and runs it with node against
# that server. The tools and their exact versions are in tests/ApiClient/package.json and package-lock.json; they are
# installed with `npm ci` into .tuner/tools/api-client, where the test expects them. ensure_node (scripts/lib/node.sh) provides Node >= 20.19.

source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

API_CLIENT_TOOLS_DIR=".tuner/tools/api-client"

_api_client_tools_installed() {
  [[ -x "${API_CLIENT_TOOLS_DIR}/node_modules/.bin/redocly" &&
    -x "${API_CLIENT_TOOLS_DIR}/node_modules/.bin/openapi-typescript" &&
    -x "${API_CLIENT_TOOLS_DIR}/node_modules/.bin/tsc" &&
    -f "${API_CLIENT_TOOLS_DIR}/package-lock.json" ]] &&
    cmp -s tests/ApiClient/package-lock.json "${API_CLIENT_TOOLS_DIR}/package-lock.json"
}

# Installs the locked tools into .tuner/tools/api-client (relative to the current directory, the repository root) when
# they are missing or tests/ApiClient/package-lock.json changed; does nothing otherwise.
ensure_api_client_tools_installed() {
  ensure_node || return 1
  if _api_client_tools_installed; then
    return 0
  fi
  echo "ensure_api_client_tools_installed: installing tests/ApiClient/package-lock.json into ${API_CLIENT_TOOLS_DIR}" >&2
  rm -rf "${API_CLIENT_TOOLS_DIR}"
  mkdir -p "${API_CLIENT_TOOLS_DIR}"
  cp tests/ApiClient/package.json tests/ApiClient/package-lock.json "${API_CLIENT_TOOLS_DIR}/"
  npm ci --prefix "${API_CLIENT_TOOLS_DIR}" --no-audit --no-fund --loglevel=error || return 1
  if ! _api_client_tools_installed; then
    echo "ensure_api_client_tools_installed: npm ci finished, but redocly, openapi-typescript or tsc is still missing" \
      "under ${API_CLIENT_TOOLS_DIR}/node_modules/.bin" >&2
    return 1
  fi
}
