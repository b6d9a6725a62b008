# description: Lists existing volume shadow copies and shadow storage usage to confirm backups are present.
vssadmin list shadows
vssadmin list shadowstorage

Get-CimInstance -ClassName Win32_ShadowCopy |
    Select-Object ID, VolumeName, @{ n = 'Created'; e = { $_.InstallDate } } |
    Sort-Object Created -Descending |
    Format-Table -AutoSize

Get-Service VSS | Format-Table Name, Status, StartType
