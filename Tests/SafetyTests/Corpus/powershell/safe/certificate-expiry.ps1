# description: Lists machine certificates that expire within 30 days.
Get-ChildItem Cert:\LocalMachine\My |
    Where-Object { $_.NotAfter -lt (Get-Date).AddDays(30) } |
    Select-Object Subject, Thumbprint, NotAfter
