# description: Checks uptime; comments mention Stop-Computer and Restart-Computer but neither runs.
# Stop-Computer / Restart-Computer are NOT part of this runbook.
# A reboot requires a change ticket.
$os = Get-CimInstance Win32_OperatingSystem
Write-Output ("Up since {0}" -f $os.LastBootUpTime)
