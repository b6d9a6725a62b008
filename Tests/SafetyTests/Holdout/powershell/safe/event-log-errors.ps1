# description: Summarises critical and error events from the System and Application logs over the last 24 hours.
param([int]$Hours = 24)

$since = (Get-Date).AddHours(-$Hours)

foreach ($log in 'System', 'Application') {
    Write-Output "===== $log (last $Hours h) ====="
    $events = Get-WinEvent -FilterHashtable @{ LogName = $log; Level = 1, 2; StartTime = $since } -ErrorAction SilentlyContinue
    if (-not $events) { Write-Output 'no errors'; continue }
    $events | Group-Object ProviderName | Sort-Object Count -Descending | Select-Object -First 10 Count, Name | Format-Table -AutoSize
    $events | Select-Object -First 5 TimeCreated, Id, ProviderName, @{ n = 'Message'; e = { $_.Message.Split("`n")[0] } } | Format-List
}
