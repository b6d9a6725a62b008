# description: Shows ufw and firewalld status; near miss for disabling the firewall.
ufw status verbose || true
firewall-cmd --state 2>/dev/null || true
