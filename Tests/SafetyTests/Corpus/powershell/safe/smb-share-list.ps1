# description: Lists SMB shares and open sessions.
Get-SmbShare | Select-Object Name, Path, Description
Get-SmbSession | Select-Object ClientComputerName, ClientUserName, NumOpens
