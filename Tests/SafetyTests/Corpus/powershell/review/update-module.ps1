# description: Updates installed PowerShell modules.
# family: availability
Update-Module -Name SqlServer -Force
Get-Module -ListAvailable SqlServer | Select-Object Name, Version
