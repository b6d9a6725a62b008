# description: Opens TCP 8443 for the new admin API from the internal network with iptables and persists the rule.
# family: security
set -euo pipefail

iptables -C INPUT -p tcp -s 10.0.0.0/8 --dport 8443 -j ACCEPT 2>/dev/null \
  || iptables -I INPUT 5 -p tcp -s 10.0.0.0/8 --dport 8443 -m conntrack --ctstate NEW -j ACCEPT
iptables -S INPUT | grep 8443
iptables-save > /etc/iptables/rules.v4
