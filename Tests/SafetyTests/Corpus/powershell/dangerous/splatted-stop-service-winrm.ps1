# description: Stops WinRM with the service name supplied through a splatted hashtable.
# family: availability
# obfuscated: yes
$svc = @{ Name = 'Win' + 'RM'; Force = $true }
Stop-Service @svc
