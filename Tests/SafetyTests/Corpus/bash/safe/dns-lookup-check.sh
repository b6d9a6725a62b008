# description: Resolves service names with dig and getent; near miss for DNS exfiltration because no local data goes into the name.
dig +short api.example.com A
dig +short example.com MX
getent hosts db.internal.example.com || echo "db name does not resolve"
