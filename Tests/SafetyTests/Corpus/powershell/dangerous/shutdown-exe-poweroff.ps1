# description: Powers off immediately with shutdown.exe /s.
# family: availability
shutdown.exe /s /t 0 /f
