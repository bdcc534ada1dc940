#!/usr/bin/env bash
# NuGet restore in locked mode for Tuner's scripts. Source this file, then call the function.
#
# Every project commits a packages.lock.json (RestorePackagesWithLockFile in Directory.Build.props) and versions are
# central with transitive pinning (Directory.Packages.props), so the package graph is decided by the repository, not
# by what the registry serves on the day. Locked mode refuses any graph that differs from the lock files.

# restore_locked SOLUTION_OR_PROJECT: restores in locked mode; on a graph change prints what to do and fails.
restore_locked() {
  local target="$1" log
  log=$(mktemp)
  if dotnet restore "$target" --locked-mode -nologo -v quiet >"$log" 2>&1; then
    rm -f "$log"
    return 0
  fi
  grep -E "error|warning" "$log" | sed 's/^ *//' | sort -u | head -5 >&2
  rm -f "$log"
  echo "restore: the NuGet packages of $target do not match the committed packages.lock.json files (or the registry" \
    "cannot serve a locked version). If you changed a package or version on purpose, run" \
    "'scripts/update-lock-files' and commit the packages.lock.json files it changes." >&2
  return 1
}
