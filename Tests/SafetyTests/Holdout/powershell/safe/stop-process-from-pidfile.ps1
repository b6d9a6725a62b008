# description: Stops a hung OrderService worker using the PID from its pid file after verifying the process name.
$pidFile = 'C:\ProgramData\OrderService\worker.pid'

if (-not (Test-Path $pidFile)) { Write-Output 'No pid file'; return }
$workerPid = [int](Get-Content -Path $pidFile -TotalCount 1)

$proc = Get-Process -Id $workerPid -ErrorAction SilentlyContinue
if ($null -eq $proc) {
    Write-Output "PID $workerPid is not running"
} elseif ($proc.ProcessName -ne 'OrderService.Worker') {
    Write-Warning "PID $workerPid belongs to $($proc.ProcessName); refusing to stop it"
} else {
    Stop-Process -Id $workerPid -Force
    Write-Output "Stopped worker $workerPid"
}
