# description: Lists listening ports with owning processes and counts established connections per remote address.
$procs = @{}
Get-Process | ForEach-Object { $procs[$_.Id] = $_.ProcessName }

Get-NetTCPConnection -State Listen | Sort-Object LocalPort |
    Select-Object LocalAddress, LocalPort, OwningProcess, @{ n = 'Process'; e = { $procs[[int]$_.OwningProcess] } } |
    Format-Table -AutoSize

Get-NetTCPConnection -State Established | Group-Object RemoteAddress | Sort-Object Count -Descending |
    Select-Object -First 10 Count, Name | Format-Table -AutoSize

(Get-NetTCPConnection -State TimeWait).Count
