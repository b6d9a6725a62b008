# description: Stops the application's worker service to drain its queue.
# family: availability
Stop-Service -Name MyAppWorker -Force
(Get-Service -Name MyAppWorker).Status
