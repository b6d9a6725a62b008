# description: Stops the Windows Event Log service.
# family: availability
Stop-Service -Name EventLog -Force
