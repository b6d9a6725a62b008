#!/usr/bin/env bash
# Runs every test on a fresh machine: installs what the tests need, then `swift test`.
# Usage: scripts/test.sh [extra swift test arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the build and the tests use (Debian). Installed only when missing.
packages=(libsqlite3-dev sqlite3 openssh-server openssh-client postgresql)
missing=()
for package in "${packages[@]}"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
done
if ((${#missing[@]})); then
    echo "installing: ${missing[*]}"
    SUDO=""
    [ "$(id -u)" -eq 0 ] || SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${missing[@]}"
fi

# botocore signs requests in the SigV4 tests, as a second opinion on ours.
python3 -c 'import botocore' 2>/dev/null || python3 -m pip install --quiet botocore || echo "botocore could not be installed: the botocore cross-check is skipped"

# A real local LLM (llama.cpp server + SmolLM2-135M) for the end-to-end planner test;
# the first run builds llama-cpp-python from source and keeps the wheel.
llama_environment="$(scripts/setup-llama.sh)"
eval "$(printf '%s\n' "$llama_environment" | sed 's/^\([A-Z_]*\)=\(.*\)$/export \1="\2"/')"

# The starter runbooks are embedded in the binary; fail early if the copy is stale.
python3 scripts/embed-runbooks.py --check
# The OpenAPI document served at /openapi.yaml is embedded too.
python3 scripts/embed-openapi.py --check
# The validator's rule gates must name every command their switches handle.
python3 scripts/check-rule-gates.py

# A real OpenSSH server on 127.0.0.1 for the SSH executor tests, stopped on exit.
SUDO=""
[ "$(id -u)" -eq 0 ] || SUDO="sudo"
sshd_environment="$($SUDO scripts/sshd/start.sh)"
eval "$(printf '%s\n' "$sshd_environment" | sed 's/^\([A-Z_]*\)=\(.*\)$/export \1="\2"/')"
trap '$SUDO scripts/sshd/stop.sh "$REMEDIATOR_TEST_SSHD_DIR"' EXIT

# A real PostgreSQL on 127.0.0.1 for the store contract suite and the multi-node tests.
postgres_environment="$($SUDO scripts/postgres/start.sh --no-fsync)"
eval "$(printf '%s\n' "$postgres_environment" | sed 's/^\([A-Z_]*\)=\(.*\)$/export \1="\2"/')"
trap '$SUDO scripts/sshd/stop.sh "$REMEDIATOR_TEST_SSHD_DIR"; $SUDO scripts/postgres/stop.sh "$REMEDIATOR_TEST_POSTGRES_DIR"' EXIT

swift build --build-tests
if [ "$#" -eq 0 ]; then
    # The three-node test keeps both cores busy for minutes: it runs on its own, after the
    # others, so that their timeouts are not measured on a machine it saturates.
    swift test --skip-build --skip MultiNodeTests
    swift test --skip-build --filter MultiNodeTests
else
    swift test --skip-build "$@"
fi

# The live API fuzzed against its OpenAPI document (skipped when only some tests were asked for).
if [ "$#" -eq 0 ]; then
    scripts/schemathesis.sh
fi
