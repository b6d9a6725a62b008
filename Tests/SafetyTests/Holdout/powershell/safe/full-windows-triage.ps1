# description: Runs a read-only Windows server triage (uptime, disks, services, recent errors) and writes a text report to the temp folder.
param([string[]]$Services = @('W3SVC', 'MSSQLSERVER', 'OrderService'))

function Get-DiskAlerts {
    Get-CimInstance Win32_LogicalDisk -Filter 'DriveType=3' | ForEach-Object {
        $pct = [math]::Round(100 * $_.FreeSpace / $_.Size, 1)
        if ($pct -lt 15) { "  $($_.DeviceID) only $pct% free" }
    }
}

function Get-ServiceSummary([string[]]$Names) {
    foreach ($n in $Names) {
        $svc = Get-Service -Name $n -ErrorAction SilentlyContinue
        switch ($svc.Status) {
            'Running' { "  $n : OK" }
            $null     { "  $n : NOT INSTALLED" }
            default   { "  $n : $($svc.Status)" }
        }
    }
}

$os = Get-CimInstance Win32_OperatingSystem
$uptime = (Get-Date) - $os.LastBootUpTime
$errors = Get-WinEvent -FilterHashtable @{ LogName = 'System'; Level = 2; StartTime = (Get-Date).AddHours(-12) } -ErrorAction SilentlyContinue

$report = @"
Triage report for $env:COMPUTERNAME  ($(Get-Date -Format s))
Uptime: $([int]$uptime.TotalHours) hours, free memory: $([math]::Round($os.FreePhysicalMemory / 1MB, 1)) GB
Disk alerts:
$((Get-DiskAlerts) -join "`n")
Services:
$((Get-ServiceSummary $Services) -join "`n")
System errors (12h): $($errors.Count)
"@

$path = Join-Path $env:TEMP "triage-$env:COMPUTERNAME.txt"
$report | Set-Content -Path $path -Encoding UTF8
Write-Output $report
Write-Output "Saved to $path"
