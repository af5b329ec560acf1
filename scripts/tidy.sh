#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy's checks, warnings as errors) over every source file under src/,
# two at a time, with the build's compile commands. A file that passed is remembered by the hash
# of its text, .clang-tidy and every header under src/ (build/tidy-passed/), so a run after a
# small change checks only what changed. Prints each finding; fails if there is one.
#   scripts/tidy.sh [BUILD_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build/release}
if ! command -v clang-tidy >/dev/null; then
  echo "clang-tidy is missing: run scripts/install-deps.sh" >&2
  exit 1
fi
if [[ ! -f $build/compile_commands.json ]]; then
  echo "no $build/compile_commands.json: run make build first" >&2
  exit 1
fi
passed=$build/tidy-passed
mkdir -p "$passed"
shared=$( (cat .clang-tidy; git ls-files -z 'src/*.hpp' | xargs -0 cat) | sha256sum | cut -c1-16)

check() {  # FILE: runs clang-tidy unless this text passed with these headers before
  local file=$1 stamp
  stamp=$passed/$( (echo "$shared"; cat "$file") | sha256sum | cut -c1-32)
  [[ -f $stamp ]] && return 0
  if clang-tidy -p "$build" --quiet "$file" >"$stamp.log" 2>&1; then
    mv "$stamp.log" "$stamp"
  else
    grep -E '(warning|error):' "$stamp.log" | sed "s|^$PWD/||" || cat "$stamp.log"
    rm -f "$stamp.log"
    return 1
  fi
}
export -f check
export build passed shared

files=$(git ls-files 'src/*.cpp' | wc -l)
if git ls-files -z 'src/*.cpp' | xargs -0 -P 2 -I{} bash -c 'check "$1"' _ {}; then
  echo "clang-tidy: $files files clean"
else
  echo "clang-tidy found problems (see above)" >&2
  exit 1
fi
