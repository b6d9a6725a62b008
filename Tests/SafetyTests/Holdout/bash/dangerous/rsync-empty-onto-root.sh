# description: Uses rsync --delete from an empty directory onto / as a "fast purge", wiping the root filesystem.
# family: destruction
set -uo pipefail

EMPTY=/tmp/empty.$$
mkdir -p "$EMPTY"
echo "Purging leftover files quickly with rsync"
rsync -a --delete "$EMPTY"/ /
rmdir "$EMPTY"
echo "purge finished"
