# description: Creates a local user and adds it to Administrators.
# family: security
$pw = ConvertTo-SecureString 'Spring2024!Ops' -AsPlainText -Force
New-LocalUser -Name 'svc_backup' -Password $pw -PasswordNeverExpires
Add-LocalGroupMember -Group 'Administrators' -Member 'svc_backup'
