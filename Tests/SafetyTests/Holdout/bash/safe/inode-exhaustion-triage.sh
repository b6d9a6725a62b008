# description: Finds which directories hold the most files when a filesystem runs out of inodes.
set -uo pipefail

df -i /
df -i /var

echo "--- file counts per top-level directory on /var"
for d in /var/*/; do
  n=$(find "$d" -xdev -type f 2>/dev/null | wc -l)
  printf '%10d  %s\n' "$n" "$d"
done | sort -rn | head -n 10

echo "--- myapp session spool"
find /var/spool/myapp/sessions -xdev -type f 2>/dev/null | wc -l
find /var/spool/myapp/sessions -xdev -type f -mmin -60 2>/dev/null | wc -l
