# description: Registers a nightly scheduled task that runs the existing local OrderService log cleanup script.
# family: persistence
$action = New-ScheduledTaskAction -Execute 'powershell.exe' -Argument '-NoProfile -File "D:\Apps\OrderService\scripts\Remove-OldLogs.ps1" -Days 14'
$trigger = New-ScheduledTaskTrigger -Daily -At '02:30'
$principal = New-ScheduledTaskPrincipal -UserId 'NT AUTHORITY\NETWORK SERVICE' -LogonType ServiceAccount
Register-ScheduledTask -TaskName 'OrderService-LogCleanup' -TaskPath '\Contoso\' -Action $action -Trigger $trigger -Principal $principal -Force
Get-ScheduledTask -TaskName 'OrderService-LogCleanup' | Format-List TaskName, State
