# description: Disables all three firewall profiles.
# family: security
Set-NetFirewallProfile -Profile Domain, Public, Private -Enabled False
