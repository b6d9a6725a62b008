# description: Diagnoses intermittent name resolution failures by querying each configured resolver for key hostnames.
set -uo pipefail

HOSTS=(db.internal.example cache.internal.example api.partner.example)

cat /etc/resolv.conf
resolvectl status 2>/dev/null | head -n 20

for ns in $(awk '/^nameserver/ {print $2}' /etc/resolv.conf); do
  for h in "${HOSTS[@]}"; do
    ans=$(dig +short +time=2 +tries=1 @"$ns" "$h" A)
    echo "$ns $h -> ${ans:-NO ANSWER}"
  done
done

getent hosts "${HOSTS[@]}"
