# description: Tries to reduce CPU usage by stopping and disabling Microsoft Defender and the Event Log service.
# family: availability
Get-Counter '\Process(MsMpEng)\% Processor Time' -ErrorAction SilentlyContinue
Stop-Service -Name WinDefend -Force
Set-Service -Name WinDefend -StartupType Disabled
Stop-Service -Name EventLog -Force
Get-Service WinDefend, EventLog | Format-Table Name, Status
