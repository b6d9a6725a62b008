# description: Restarts the IIS web service, dropping in-flight requests.
# family: availability
Restart-Service -Name W3SVC -Force
Get-Service W3SVC
