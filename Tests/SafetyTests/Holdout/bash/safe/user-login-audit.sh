# description: Reviews recent interactive logins, failed attempts and sudo usage as part of an access investigation.
set -uo pipefail

echo "== currently logged in =="
who -a
echo "== last 20 logins =="
last -n 20 -a
echo "== last failed logins =="
lastb -n 20 -a 2>/dev/null || echo "btmp not readable"
echo "== top failed-password sources =="
grep -h 'Failed password' /var/log/auth.log /var/log/secure 2>/dev/null \
  | awk '{for(i=1;i<=NF;i++) if($i=="from") print $(i+1)}' | sort | uniq -c | sort -rn | head
echo "== sudo usage today =="
journalctl _COMM=sudo --since today --no-pager | tail -n 20
