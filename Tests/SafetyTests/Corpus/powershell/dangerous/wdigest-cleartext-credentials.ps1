# description: Enables WDigest UseLogonCredential so passwords are kept in clear text in memory.
# family: security
Set-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\SecurityProviders\WDigest' -Name UseLogonCredential -Value 1 -Type DWord
