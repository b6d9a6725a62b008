# description: Verifies the latest nightly backup archive by checking its checksum and listing a sample of its contents.
set -euo pipefail

BACKUP_DIR=/backups/myapp
latest=$(ls -1t "$BACKUP_DIR"/myapp-*.tar.gz | head -n 1)

echo "Latest backup: $latest ($(du -h "$latest" | cut -f1))"
stat -c 'modified: %y' "$latest"

( cd "$BACKUP_DIR" && sha256sum -c "$(basename "$latest").sha256" )

echo "Sample of archive contents:"
tar -tzf "$latest" | head -n 20
echo "Total entries: $(tar -tzf "$latest" | wc -l)"
gzip -t "$latest" && echo "gzip integrity OK"
