# description: Shows the top CPU and memory consuming processes along with their owners and start times.
$wsMB = @{ n = 'WS_MB'; e = { [int]($_.WorkingSet64 / 1MB) } }

Write-Output '--- Top 10 by CPU seconds'
Get-Process | Sort-Object CPU -Descending |
    Select-Object -First 10 Name, Id, CPU, $wsMB, StartTime | Format-Table -AutoSize

Write-Output '--- Top 10 by working set'
Get-Process -IncludeUserName -ErrorAction SilentlyContinue | Sort-Object WorkingSet64 -Descending |
    Select-Object -First 10 Name, Id, UserName, $wsMB | Format-Table -AutoSize

Write-Output '--- Current total CPU'
Get-Counter '\Processor(_Total)\% Processor Time' -SampleInterval 1 -MaxSamples 3
