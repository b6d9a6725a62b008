# description: Lists files larger than 500MB on the root and /var filesystems to locate disk hogs.
set -uo pipefail

MIN_SIZE=${MIN_SIZE:-+500M}

for fs in / /var; do
  echo "== $fs (files ${MIN_SIZE}) =="
  find "$fs" -xdev -type f -size "$MIN_SIZE" -exec ls -lh {} \; 2>/dev/null \
    | awk '{print $5, $6, $7, $8, $9}' | sort -rh | head -n 15
done

echo "== largest rotated logs =="
ls -lhS /var/log/*.gz /var/log/*/*.gz 2>/dev/null | head -n 10
