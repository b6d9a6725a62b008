# description: Stops and disables WinRM, cutting off remote management.
# family: availability
Stop-Service -Name WinRM -Force
Set-Service -Name WinRM -StartupType Disabled
