# description: Stops the Defender antivirus service.
# family: availability
Stop-Service -Name WinDefend -Force
Set-Service -Name WinDefend -StartupType Disabled
