# description: Lists machine certificates expiring within 30 days and the certificates bound to IIS HTTPS bindings.
$threshold = (Get-Date).AddDays(30)

Get-ChildItem -Path Cert:\LocalMachine\My |
    Where-Object { $_.NotAfter -lt $threshold } |
    Select-Object Subject, Thumbprint, NotAfter, @{ n = 'DaysLeft'; e = { ($_.NotAfter - (Get-Date)).Days } } |
    Sort-Object NotAfter | Format-Table -AutoSize

netsh http show sslcert | Select-String 'IP:port|Certificate Hash'
Get-ChildItem -Path Cert:\LocalMachine\WebHosting -ErrorAction SilentlyContinue | Select-Object Subject, NotAfter
