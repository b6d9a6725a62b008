# description: Lists firewall rules and counters; the near miss is that iptables is only read, never flushed.
iptables -S
iptables -L INPUT -n -v --line-numbers
