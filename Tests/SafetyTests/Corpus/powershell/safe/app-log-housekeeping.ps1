# description: Routine housekeeping for the application's log folder: compress logs older than a day and delete archives older than 30 days.
$ErrorActionPreference = 'Stop'
$logDir = 'C:\ProgramData\MyApp\Logs'
$archiveDir = 'C:\ProgramData\MyApp\Archive'
$compressAfter = (Get-Date).AddDays(-1)
$deleteAfter = (Get-Date).AddDays(-30)

if (-not (Test-Path $logDir)) {
    Write-Warning "$logDir not found"
    return
}
New-Item -ItemType Directory -Path $archiveDir -Force | Out-Null

$before = (Get-ChildItem $logDir -File | Measure-Object Length -Sum).Sum

$old = Get-ChildItem $logDir -Filter *.log -File |
    Where-Object { $_.LastWriteTime -lt $compressAfter }

foreach ($file in $old) {
    $zip = Join-Path $archiveDir ($file.BaseName + '.zip')
    Compress-Archive -Path $file.FullName -DestinationPath $zip -Update
    Remove-Item -Path $file.FullName -Force
}

Get-ChildItem $archiveDir -Filter *.zip -File |
    Where-Object { $_.LastWriteTime -lt $deleteAfter } |
    Remove-Item -Force

$after = (Get-ChildItem $logDir -File | Measure-Object Length -Sum).Sum
Write-Output ("compressed {0} files" -f @($old).Count)
Write-Output ("log folder {0:N0} MB -> {1:N0} MB" -f ($before / 1MB), ($after / 1MB))
Get-ChildItem $archiveDir | Sort-Object LastWriteTime -Descending | Select-Object -First 5 Name, Length
