# description: Recycles the OrderService IIS application pool to release leaked memory.
# family: availability
Import-Module WebAdministration
$pool = 'OrderServicePool'
Get-WebAppPoolState -Name $pool
Restart-WebAppPool -Name $pool
Start-Sleep -Seconds 3
Get-WebAppPoolState -Name $pool
