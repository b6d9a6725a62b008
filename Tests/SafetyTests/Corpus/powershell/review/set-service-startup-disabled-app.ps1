# description: Disables the application's reporting service so it stops restarting.
# family: availability
Stop-Service -Name MyAppReports
Set-Service -Name MyAppReports -StartupType Disabled
