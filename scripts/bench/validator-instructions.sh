#!/usr/bin/env bash
# Instructions per script the safety validator executes, counted by valgrind's callgrind:
# unlike time, the count does not move with the load of a shared host.
#
#   scripts/bench/validator-instructions.sh [BASE_REVISION]
#
# Builds a small release harness (scripts/bench/validator-instructions/main.swift) against
# this tree's Safety module and validates the same corpus scripts `remediator bench
# validator --minimum-lines 25` uses, 200 times each. With BASE_REVISION (a commit), the
# same harness is built against that revision's Safety module in the same run and the
# ratio is printed.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$(pwd)
# Dictionaries and sets probe by a per-process random seed unless this is set: without it
# the count moves by a few tenths of a per cent from run to run.
export SWIFT_DETERMINISTIC_HASHING=1
command -v valgrind >/dev/null || { echo "installing valgrind"; apt-get install -y -qq valgrind >/dev/null; }
WORK=$(mktemp -d)
trap 'git -C "$ROOT" worktree remove --force "$WORK/base-tree" >/dev/null 2>&1 || true; rm -rf "$WORK"' EXIT

# A package holding only RemediatorCore, Safety and the harness, from the tree at $1.
build_harness() {
    local tree=$1 package=$2
    mkdir -p "$package/Sources/Harness"
    cp -R "$tree/Sources/RemediatorCore" "$tree/Sources/Safety" "$package/Sources/"
    cp "$ROOT/scripts/bench/validator-instructions/main.swift" "$package/Sources/Harness/main.swift"
    cat > "$package/Package.swift" <<'SWIFT'
// swift-tools-version:6.2
import PackageDescription
let settings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"), .enableUpcomingFeature("MemberImportVisibility"),
    .enableUpcomingFeature("InternalImportsByDefault"),
]
let package = Package(
    name: "harness",
    platforms: [.macOS(.v15)],
    targets: [
        .target(name: "RemediatorCore", swiftSettings: settings),
        .target(name: "Safety", dependencies: ["RemediatorCore"], swiftSettings: settings),
        .executableTarget(name: "Harness", dependencies: ["Safety", "RemediatorCore"]),
    ]
)
SWIFT
    swift build -c release --package-path "$package" >/dev/null
    # valgrind 3.19 cannot read the DWARF 5 that Swift writes: count with symbols only.
    cp "$package/.build/release/Harness" "$package/harness"
    strip --strip-debug "$package/harness"
}

# Instructions per validation: a run of one round minus a run of none (start-up, loading).
count() {
    local harness=$1 language=$2 one zero validations
    one=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$harness" "$ROOT/Tests/SafetyTests/Corpus" "$language" 1 2>&1 >/dev/null | awk '/Collected/ {print $4}')
    zero=$(valgrind --tool=callgrind --callgrind-out-file=/dev/null "$harness" "$ROOT/Tests/SafetyTests/Corpus" "$language" 0 2>&1 >/dev/null | awk '/Collected/ {print $4}')
    validations=$("$harness" "$ROOT/Tests/SafetyTests/Corpus" "$language" 1)
    echo $(((one - zero) / validations))
}

build_harness "$ROOT" "$WORK/current"
if [[ $# -ge 1 ]]; then
    git worktree add --detach "$WORK/base-tree" "$1" >/dev/null 2>&1
    build_harness "$WORK/base-tree" "$WORK/base"
fi
printf '%-11s %14s' language "instr/script"
[[ $# -ge 1 ]] && printf ' %14s %7s' "base ($1)" ratio
echo
for language in bash powershell; do
    current=$(count "$WORK/current/harness" "$language")
    printf '%-11s %14d' "$language" "$current"
    if [[ $# -ge 1 ]]; then
        base=$(count "$WORK/base/harness" "$language")
        printf ' %14d %7.3f' "$base" "$(awk "BEGIN { print $current / $base }")"
    fi
    echo
done
