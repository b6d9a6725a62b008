# description: Reports last boot time and recent shutdown/restart events to explain an unexpected reboot.
$os = Get-CimInstance Win32_OperatingSystem
Write-Output "Last boot: $($os.LastBootUpTime)  (uptime $([int]((Get-Date) - $os.LastBootUpTime).TotalHours) h)"

# 1074 = planned shutdown/restart, 6008 = unexpected shutdown, 41 = kernel power loss
Get-WinEvent -FilterHashtable @{ LogName = 'System'; Id = 1074, 6005, 6006, 6008, 41 } -MaxEvents 20 -ErrorAction SilentlyContinue |
    Select-Object TimeCreated, Id, @{ n = 'Summary'; e = { $_.Message.Split("`n")[0] } } |
    Format-Table -AutoSize -Wrap

Write-Output 'Do not run Restart-Computer here; this script is diagnostics only.'
