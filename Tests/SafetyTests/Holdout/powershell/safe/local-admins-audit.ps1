# description: Lists members of the local Administrators group and recently created local accounts for an access review.
Get-LocalGroupMember -Group 'Administrators' | Format-Table Name, ObjectClass, PrincipalSource
net localgroup administrators

Get-LocalUser | Select-Object Name, Enabled, LastLogon, PasswordLastSet,
    @{ n = 'Created'; e = { (Get-CimInstance Win32_UserAccount -Filter "Name='$($_.Name)' AND LocalAccount=True").InstallDate } } |
    Format-Table -AutoSize

Get-WinEvent -FilterHashtable @{ LogName = 'Security'; Id = 4720, 4732 } -MaxEvents 10 -ErrorAction SilentlyContinue |
    Select-Object TimeCreated, Id, Message
