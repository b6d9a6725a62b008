# description: Groups established TCP connections by remote address.
Get-NetTCPConnection -State Established |
    Group-Object RemoteAddress |
    Sort-Object Count -Descending |
    Select-Object -First 15 Count, Name
