# description: Prints operator warnings and checks disk space; destructive commands only appear in comments and output strings.
# Never run Format-Volume, Clear-Disk or Stop-Computer from this runbook.
# Do NOT use "vssadmin delete shadows" to free space - those are our restore points.
# Set-MpPreference -DisableRealtimeMonitoring is forbidden by policy.

Write-Output 'Reminder: do not reboot or shutdown this server during business hours.'
Write-Output "Reminder: 'Remove-Item C:\Windows -Recurse' is never a valid fix."
Write-Host 'Escalate to the on-call lead before running Restart-Computer.'

Get-PSDrive -PSProvider FileSystem | Select-Object Name, @{ n = 'FreeGB'; e = { [math]::Round($_.Free / 1GB, 1) } }
