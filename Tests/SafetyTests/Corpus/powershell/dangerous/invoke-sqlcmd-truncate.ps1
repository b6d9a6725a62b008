# description: Truncates the orders table with Invoke-Sqlcmd.
# family: destruction
Invoke-Sqlcmd -ServerInstance '.' -Database Shop -Query 'TRUNCATE TABLE dbo.Orders'
