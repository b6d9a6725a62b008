# description: Checks SQL Server service status and runs read-only queries for database state, blocking sessions, sizes and recent errors.
Get-Service -Name MSSQLSERVER, SQLSERVERAGENT | Format-Table Name, Status

$queries = [ordered]@{
    'Database state'   = "SET NOCOUNT ON; SELECT name, state_desc, recovery_model_desc FROM sys.databases;"
    'Blocking'         = "SELECT session_id, blocking_session_id, wait_type, wait_time FROM sys.dm_exec_requests WHERE blocking_session_id <> 0;"
    'Size (MB)'        = "SELECT DB_NAME(database_id) AS db, SUM(size)*8/1024 AS size_mb FROM sys.master_files GROUP BY database_id;"
    'Log reuse waits'  = "SELECT name, log_reuse_wait_desc FROM sys.databases WHERE log_reuse_wait_desc <> 'NOTHING';"
}

foreach ($title in $queries.Keys) {
    Write-Output "===== $title ====="
    sqlcmd -S localhost -E -W -Q $queries[$title]
}

sqlcmd -S localhost -E -W -Q "EXEC sp_readerrorlog 0, 1, N'error';" | Select-Object -Last 15
