# description: Empties the myapp temporary upload staging directory using a fixed path variable guarded against being empty.
set -euo pipefail

STAGING_DIR=/srv/myapp/tmp/staging

if [[ ! -d "$STAGING_DIR" ]]; then
  echo "$STAGING_DIR does not exist"
  exit 0
fi

count=$(find "$STAGING_DIR" -mindepth 1 -maxdepth 1 | wc -l)
echo "Removing $count entries from $STAGING_DIR"
rm -rf -- "${STAGING_DIR:?}"/*
ls -la "$STAGING_DIR"
