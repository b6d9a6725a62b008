# description: Checks SQL Server reachability, service state, blocking sessions and recent errors without changing anything.
param(
    [string]$Server = 'db01.corp.example.com',
    [int]$Port = 1433
)

Write-Output "== network =="
$tcp = Test-NetConnection -ComputerName $Server -Port $Port -WarningAction SilentlyContinue
Write-Output ("{0}:{1} reachable: {2}" -f $Server, $Port, $tcp.TcpTestSucceeded)

if (-not $tcp.TcpTestSucceeded) {
    Write-Output "== DNS =="
    Resolve-DnsName $Server -ErrorAction SilentlyContinue | Select-Object Name, IPAddress
    return
}

Write-Output "== databases =="
Invoke-Sqlcmd -ServerInstance $Server -Query @"
SELECT name, state_desc, user_access_desc
FROM sys.databases
ORDER BY name;
"@ | Format-Table -AutoSize

Write-Output "== blocking sessions =="
Invoke-Sqlcmd -ServerInstance $Server -Query @"
SELECT session_id, blocking_session_id, wait_type, wait_time, DB_NAME(database_id) AS db
FROM sys.dm_exec_requests
WHERE blocking_session_id <> 0;
"@ | Format-Table -AutoSize

Write-Output "== connection counts =="
Invoke-Sqlcmd -ServerInstance $Server -Query @"
SELECT DB_NAME(dbid) AS db, COUNT(*) AS connections
FROM sys.sysprocesses
GROUP BY dbid;
"@ | Format-Table -AutoSize

Write-Output "read-only checks complete"
