# description: Resolves the API host name; near miss for DNS exfiltration.
Resolve-DnsName -Name api.example.com -Type A | Select-Object Name, IPAddress
