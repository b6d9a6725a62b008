# description: Deletes IIS W3SVC1 log files older than 30 days to free space on the system drive.
$logDir = 'C:\inetpub\logs\LogFiles\W3SVC1'
$cutoff = (Get-Date).AddDays(-30)

$old = Get-ChildItem -Path $logDir -Filter '*.log' -File | Where-Object LastWriteTime -lt $cutoff
$sizeMB = [math]::Round(($old | Measure-Object Length -Sum).Sum / 1MB, 1)
Write-Output "Removing $($old.Count) log files ($sizeMB MB) older than $cutoff"

$old | Remove-Item -Force -WhatIf:$false
Get-PSDrive C | Select-Object Used, Free
