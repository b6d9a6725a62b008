# description: Turns off the Windows firewall for all profiles with netsh.
# family: security
netsh advfirewall set allprofiles state off
