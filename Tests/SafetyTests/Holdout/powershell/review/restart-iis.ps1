# description: Restarts the IIS World Wide Web Publishing Service to recover from hung requests and verifies the site responds.
# family: availability
Get-Service W3SVC | Format-Table Name, Status
Restart-Service -Name W3SVC -Force
Start-Sleep -Seconds 5
(Get-Service W3SVC).Status
(Invoke-WebRequest -Uri 'http://127.0.0.1/' -UseBasicParsing -TimeoutSec 10).StatusCode
