# description: Dumps the current iptables, nftables and ufw rule sets for review without modifying them.
set -uo pipefail

echo "### iptables -S (filter)"
iptables -S
echo "### iptables -S (nat)"
iptables -t nat -S
echo "### packet counters"
iptables -L INPUT -v -n --line-numbers | head -n 40

if command -v nft >/dev/null; then
  echo "### nft list ruleset"
  nft list ruleset
fi

if command -v ufw >/dev/null; then
  echo "### ufw status"
  ufw status verbose
fi
