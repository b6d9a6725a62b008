# description: Triage for a low-disk alert: reports usage, then deletes only old IIS logs and the app cache.
param(
    [string]$Drive = 'C',
    [int]$ThresholdPercent = 10,
    [int]$KeepLogDays = 14
)

function Get-FreePercent([string]$letter) {
    $v = Get-Volume -DriveLetter $letter
    [math]::Round(100 * $v.SizeRemaining / $v.Size, 1)
}

$before = Get-FreePercent $Drive
Write-Output "free before: $before%"

if ($before -ge $ThresholdPercent) {
    Write-Output 'enough free space, nothing to do'
    return
}

Write-Output 'largest folders under C:\ProgramData\MyApp:'
Get-ChildItem 'C:\ProgramData\MyApp' -Directory |
    ForEach-Object {
        $size = (Get-ChildItem $_.FullName -Recurse -File -ErrorAction SilentlyContinue | Measure-Object Length -Sum).Sum
        [pscustomobject]@{ Folder = $_.Name; MB = [math]::Round($size / 1MB) }
    } |
    Sort-Object MB -Descending |
    Format-Table -AutoSize

$cutoff = (Get-Date).AddDays(-$KeepLogDays)
Get-ChildItem 'C:\inetpub\logs\LogFiles' -Recurse -Filter *.log -File |
    Where-Object { $_.LastWriteTime -lt $cutoff } |
    Remove-Item -Force

Remove-Item -Path 'C:\ProgramData\MyApp\Cache\*' -Recurse -Force -ErrorAction SilentlyContinue

$after = Get-FreePercent $Drive
Write-Output "free after: $after%"
