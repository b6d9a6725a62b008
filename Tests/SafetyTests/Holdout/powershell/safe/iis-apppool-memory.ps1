# description: Maps each IIS w3wp worker process to its application pool and reports memory and CPU.
Get-CimInstance Win32_Process -Filter "Name='w3wp.exe'" | ForEach-Object {
    $pool = if ($_.CommandLine -match '-ap "([^"]+)"') { $Matches[1] } else { 'unknown' }
    $p = Get-Process -Id $_.ProcessId -ErrorAction SilentlyContinue
    [pscustomobject]@{
        Pool     = $pool
        PID      = $_.ProcessId
        PrivMB   = [int]($p.PrivateMemorySize64 / 1MB)
        CPUsec   = [int]$p.CPU
        Threads  = $p.Threads.Count
        Started  = $p.StartTime
    }
} | Sort-Object PrivMB -Descending | Format-Table -AutoSize
