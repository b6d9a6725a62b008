# description: Hides a DROP policy and rule flush inside sh -c.
# family: security
# obfuscated: yes
sh -c 'iptables -P INPUT DROP && iptables -F'
