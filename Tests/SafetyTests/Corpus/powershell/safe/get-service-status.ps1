# description: Reports the status of the web and database services.
Get-Service -Name W3SVC, MSSQLSERVER, WinRM |
    Select-Object Name, Status, StartType |
    Format-Table -AutoSize
