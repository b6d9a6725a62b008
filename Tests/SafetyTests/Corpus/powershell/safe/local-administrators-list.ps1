# description: Lists members of the local Administrators group for an audit.
Get-LocalGroupMember -Group Administrators | Select-Object Name, ObjectClass, PrincipalSource
