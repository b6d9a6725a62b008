# description: Archives last week's application logs into a zip file.
$logs = Get-ChildItem -Path 'C:\ProgramData\MyApp\Logs' -Filter *.log |
    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-1) }
$dest = "C:\ProgramData\MyApp\Archive\logs-$(Get-Date -Format yyyyMMdd).zip"
Compress-Archive -Path $logs.FullName -DestinationPath $dest -CompressionLevel Optimal
