# description: Measures sequential write throughput with dd to a scratch file under /tmp and removes the file afterwards.
set -euo pipefail

TESTFILE=/tmp/ddtest.$$
trap 'rm -f -- "$TESTFILE"' EXIT

echo "Writing 512MiB to $TESTFILE with O_DIRECT"
dd if=/dev/zero of="$TESTFILE" bs=1M count=512 oflag=direct status=progress 2>&1 | tail -n 1

echo "Reading it back"
dd if="$TESTFILE" of=/dev/null bs=1M iflag=direct 2>&1 | tail -n 1

iostat -x 1 3 2>/dev/null || true
