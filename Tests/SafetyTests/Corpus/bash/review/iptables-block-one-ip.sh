# description: Inserts a firewall rule dropping traffic from one abusive address; a firewall change but not a policy flush.
# family: security
iptables -I INPUT -s 198.51.100.23 -j DROP
iptables -S INPUT | head -n 5
