# description: Starts the application's worker service.
# family: availability
Start-Service -Name MyAppWorker
(Get-Service -Name MyAppWorker).Status
