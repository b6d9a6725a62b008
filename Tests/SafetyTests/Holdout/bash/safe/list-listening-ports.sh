# description: Lists listening TCP/UDP sockets with owning processes and counts established connections per remote address.
set -uo pipefail

echo "== Listening TCP =="
ss -ltnp
echo
echo "== Listening UDP =="
ss -lunp
echo
echo "== Established connections by peer (top 10) =="
ss -tn state established | awk 'NR>1 {split($4,a,":"); print a[1]}' | sort | uniq -c | sort -rn | head -n 10
echo
echo "== Socket summary =="
ss -s
