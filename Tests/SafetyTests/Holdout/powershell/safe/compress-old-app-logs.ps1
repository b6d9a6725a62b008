# description: Archives OrderService logs older than 7 days into a local zip under the app's archive folder and removes the originals.
$logDir = 'D:\Apps\OrderService\logs'
$archiveDir = 'D:\Apps\OrderService\logs\archive'
$cutoff = (Get-Date).AddDays(-7)

New-Item -ItemType Directory -Path $archiveDir -Force | Out-Null
$old = Get-ChildItem -Path $logDir -Filter '*.log' -File | Where-Object LastWriteTime -lt $cutoff
if (-not $old) { Write-Output 'Nothing to archive'; return }

$zip = Join-Path $archiveDir ("logs-{0:yyyyMMdd}.zip" -f (Get-Date))
Compress-Archive -Path $old.FullName -DestinationPath $zip -CompressionLevel Optimal -Update
if (Test-Path $zip) {
    $old | Remove-Item -Force
    Write-Output "Archived $($old.Count) files to $zip"
}
