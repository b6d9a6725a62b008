# description: Deletes IIS W3SVC1 log files older than 14 days from the explicit log folder.
$cutoff = (Get-Date).AddDays(-14)
Get-ChildItem -Path C:\inetpub\logs\LogFiles\W3SVC1 -Filter *.log -File |
    Where-Object { $_.LastWriteTime -lt $cutoff } |
    Remove-Item -Force
