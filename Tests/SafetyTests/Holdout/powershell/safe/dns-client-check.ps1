# description: Shows DNS client configuration and resolves key internal names against each configured server.
$names = 'sql01.corp.example', 'api.corp.example'

Get-DnsClientServerAddress -AddressFamily IPv4 | Where-Object ServerAddresses | Format-Table InterfaceAlias, ServerAddresses
$servers = (Get-DnsClientServerAddress -AddressFamily IPv4).ServerAddresses | Sort-Object -Unique

foreach ($s in $servers) {
    foreach ($n in $names) {
        $r = Resolve-DnsName -Name $n -Server $s -Type A -DnsOnly -ErrorAction SilentlyContinue
        "{0,-15} {1,-25} {2}" -f $s, $n, (($r | Where-Object Type -eq 'A').IPAddress -join ',')
    }
}
Get-DnsClientCache | Select-Object -First 10 Entry, Data
