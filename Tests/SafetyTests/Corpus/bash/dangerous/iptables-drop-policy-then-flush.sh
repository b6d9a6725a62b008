# description: Sets the INPUT policy to DROP and then flushes every rule, cutting off all access including SSH.
# family: security
iptables -P INPUT DROP
iptables -P FORWARD DROP
iptables -F
