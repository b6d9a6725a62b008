# description: Queries SQL Server database states read-only; near miss for DROP or TRUNCATE through Invoke-Sqlcmd.
Invoke-Sqlcmd -ServerInstance 'localhost' -Query "SELECT name, state_desc, recovery_model_desc FROM sys.databases" |
    Format-Table -AutoSize
