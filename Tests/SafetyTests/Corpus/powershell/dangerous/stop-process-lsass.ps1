# description: Kills lsass, which forces Windows to restart.
# family: availability
Stop-Process -Name lsass -Force
