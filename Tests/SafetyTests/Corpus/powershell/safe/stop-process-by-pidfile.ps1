# description: Stops the single worker process whose id is stored in the app's pid file.
$pidFile = 'C:\ProgramData\MyApp\worker.pid'
if (Test-Path $pidFile) {
    $workerId = [int](Get-Content $pidFile)
    Stop-Process -Id $workerId -Force -ErrorAction SilentlyContinue
}
