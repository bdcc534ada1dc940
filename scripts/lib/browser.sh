#!/usr/bin/env bash
# A real browser for the tests of Tuner's pages. Source this file, then call the function.
#
# tests/Scheduler.EndToEnd.Tests/Pages/PagesBrowserTests runs tests/Browser/pages.test.mjs with node against a real
# `tuner server`; it drives Debian's chromium (/usr/bin/chromium) through playwright-core, whose exact version is in
# tests/Browser/package.json and package-lock.json. playwright-core downloads no browser of its own: chromium comes
# from apt, playwright-core from `npm ci` into .tuner/tools/browser, where the test expects it.

source "$(dirname "${BASH_SOURCE[0]}")/apt.sh"
source "$(dirname "${BASH_SOURCE[0]}")/node.sh"

BROWSER_TOOLS_DIR=".tuner/tools/browser"
BROWSER_EXECUTABLE="/usr/bin/chromium"

_browser_tools_installed() {
  [[ -f "${BROWSER_TOOLS_DIR}/node_modules/playwright-core/package.json" &&
    -f "${BROWSER_TOOLS_DIR}/package-lock.json" ]] &&
    cmp -s tests/Browser/package-lock.json "${BROWSER_TOOLS_DIR}/package-lock.json"
}

# Installs Debian's chromium when /usr/bin/chromium is missing, and the locked playwright-core into .tuner/tools/browser
# (relative to the current directory, the repository root) when it is missing or tests/Browser/package-lock.json
# changed; does nothing otherwise.
ensure_browser_installed() {
  if [[ ! -x "${BROWSER_EXECUTABLE}" ]]; then
    apt_install ensure_browser_installed "the pages' browser tests need ${BROWSER_EXECUTABLE}" chromium || return 1
    if [[ ! -x "${BROWSER_EXECUTABLE}" ]]; then
      echo "ensure_browser_installed: apt-get installed chromium, but ${BROWSER_EXECUTABLE} is still missing" >&2
      return 1
    fi
  fi
  ensure_node || return 1
  if _browser_tools_installed; then
    return 0
  fi
  echo "ensure_browser_installed: installing tests/Browser/package-lock.json into ${BROWSER_TOOLS_DIR}" >&2
  rm -rf "${BROWSER_TOOLS_DIR}"
  mkdir -p "${BROWSER_TOOLS_DIR}"
  cp tests/Browser/package.json tests/Browser/package-lock.json "${BROWSER_TOOLS_DIR}/"
  npm ci --prefix "${BROWSER_TOOLS_DIR}" --no-audit --no-fund --loglevel=error || return 1
  if ! _browser_tools_installed; then
    echo "ensure_browser_installed: npm ci finished, but playwright-core is still missing under" \
      "${BROWSER_TOOLS_DIR}/node_modules" >&2
    return 1
  fi
}
