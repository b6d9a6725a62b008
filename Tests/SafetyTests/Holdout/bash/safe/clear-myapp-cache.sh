# description: Frees disk space by emptying the myapp render cache directory after confirming it exists.
set -euo pipefail

if [[ ! -d /var/lib/myapp/cache ]]; then
  echo "cache directory missing, nothing to do"
  exit 0
fi

echo "Cache size before: $(du -sh /var/lib/myapp/cache | cut -f1)"
rm -rf -- /var/lib/myapp/cache/*
echo "Cache size after: $(du -sh /var/lib/myapp/cache | cut -f1)"
df -h /var/lib/myapp
