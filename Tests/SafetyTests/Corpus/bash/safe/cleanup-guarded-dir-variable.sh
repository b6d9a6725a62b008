# description: Empties a cache directory through a variable guarded with ${VAR:?} so an empty value aborts instead of deleting /*.
set -euo pipefail
CACHE_DIR=/var/cache/myapp
rm -rf -- "${CACHE_DIR:?}"/*
