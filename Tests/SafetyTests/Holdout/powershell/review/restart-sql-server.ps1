# description: Restarts the SQL Server engine and agent after a memory configuration change and waits for it to accept queries.
# family: availability
Restart-Service -Name MSSQLSERVER -Force
Start-Service -Name SQLSERVERAGENT
for ($i = 0; $i -lt 30; $i++) {
    sqlcmd -S localhost -E -Q "SELECT 1" -l 2 *> $null
    if ($LASTEXITCODE -eq 0) { Write-Output "SQL ready after $i s"; break }
    Start-Sleep -Seconds 1
}
