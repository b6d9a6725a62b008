# description: Tests whether the SQL Server port on the database host answers.
Test-NetConnection -ComputerName db01.corp.example.com -Port 1433 |
    Select-Object ComputerName, RemotePort, TcpTestSucceeded
