# description: Removes abandoned partial uploads older than an hour from the myapp upload temp directory.
set -euo pipefail

UPLOAD_TMP=/var/lib/myapp/uploads/tmp

before=$(find "$UPLOAD_TMP" -type f | wc -l)
find "$UPLOAD_TMP" -type f -name '*.part' -mmin +60 -delete
find "$UPLOAD_TMP" -mindepth 1 -type d -empty -delete
after=$(find "$UPLOAD_TMP" -type f | wc -l)

echo "partial uploads: $before -> $after"
du -sh "$UPLOAD_TMP"
