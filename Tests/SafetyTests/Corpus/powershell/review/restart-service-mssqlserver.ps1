# description: Restarts SQL Server and its agent, disconnecting every client.
# family: availability
Restart-Service -Name MSSQLSERVER -Force
Start-Service -Name SQLSERVERAGENT
Get-Service MSSQLSERVER, SQLSERVERAGENT
