# description: "Frees space" by clearing the Security, System and Application event logs.
# family: security
Get-WinEvent -ListLog Security, System, Application | Format-Table LogName, RecordCount, FileSize
wevtutil cl Security
wevtutil cl 'Microsoft-Windows-PowerShell/Operational'
Clear-EventLog -LogName System, Application
Get-WinEvent -ListLog Security, System | Format-Table LogName, RecordCount
