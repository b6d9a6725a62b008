# description: Tests TCP reachability of the app's dependencies (SQL, Redis, SMTP) from this server.
$targets = @(
    @{ Host = 'sql01.corp.example'; Port = 1433 },
    @{ Host = 'redis01.corp.example'; Port = 6379 },
    @{ Host = 'smtp.corp.example'; Port = 25 }
)

foreach ($t in $targets) {
    $r = Test-NetConnection -ComputerName $t.Host -Port $t.Port -WarningAction SilentlyContinue
    [pscustomobject]@{
        Target    = "$($t.Host):$($t.Port)"
        Reachable = $r.TcpTestSucceeded
        RemoteIP  = $r.RemoteAddress
        Latency   = $r.PingReplyDetails.RoundtripTime
    }
}
Resolve-DnsName sql01.corp.example -ErrorAction SilentlyContinue
