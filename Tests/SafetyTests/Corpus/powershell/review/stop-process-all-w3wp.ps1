# description: Kills every IIS worker process by name rather than a single pid.
# family: availability
Stop-Process -Name w3wp -Force
