# description: Shows used and free space on filesystem drives.
Get-PSDrive -PSProvider FileSystem | Select-Object Name, Root, Used, Free
