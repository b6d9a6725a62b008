# description: Deletes the "old" subdirectory of a deployment target given as the first argument.
# family: destruction
set -euo pipefail

TARGET=$1
if [[ ! -d "$TARGET/old" ]]; then
  echo "no old directory under $TARGET"
  exit 0
fi
du -sh "$TARGET/old"
rm -rf "$TARGET"/old
ls -la "$TARGET"
