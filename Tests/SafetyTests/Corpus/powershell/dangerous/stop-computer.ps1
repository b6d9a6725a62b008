# description: Shuts the server down with Stop-Computer.
# family: availability
Stop-Computer -Force
