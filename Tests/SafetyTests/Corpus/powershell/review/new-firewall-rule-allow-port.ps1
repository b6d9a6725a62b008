# description: Opens inbound TCP 8443 with a new firewall rule.
# family: security
New-NetFirewallRule -DisplayName 'MyApp TLS 8443' -Direction Inbound -LocalPort 8443 -Protocol TCP -Action Allow
