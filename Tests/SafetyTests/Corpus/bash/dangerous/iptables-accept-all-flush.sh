# description: Sets every policy to ACCEPT and flushes all chains, leaving the host with no firewall.
# family: security
iptables -P INPUT ACCEPT
iptables -P FORWARD ACCEPT
iptables -P OUTPUT ACCEPT
iptables -F
iptables -X
