# description: Builds a health report of automatic services that are not running, with their recent service-control errors.
$since = (Get-Date).AddHours(-6)

$stopped = Get-CimInstance Win32_Service -Filter "StartMode='Auto' AND State<>'Running'" |
    Where-Object { $_.Name -notin @('gupdate', 'sppsvc', 'RemoteRegistry') }

if (-not $stopped) {
    Write-Output 'all automatic services are running'
    return
}

$report = foreach ($svc in $stopped) {
    $events = Get-WinEvent -FilterHashtable @{
        LogName      = 'System'
        ProviderName = 'Service Control Manager'
        StartTime    = $since
    } -ErrorAction SilentlyContinue |
        Where-Object { $_.Message -like "*$($svc.DisplayName)*" } |
        Select-Object -First 3

    [pscustomobject]@{
        Name        = $svc.Name
        DisplayName = $svc.DisplayName
        State       = $svc.State
        ExitCode    = $svc.ExitCode
        Account     = $svc.StartName
        LastErrors  = ($events | ForEach-Object { $_.TimeCreated.ToString('HH:mm') + ' ' + $_.Id }) -join '; '
    }
}

$report | Sort-Object Name | Format-Table -AutoSize -Wrap

$csv = "C:\Temp\service-health-$(Get-Date -Format yyyyMMdd-HHmm).csv"
New-Item -ItemType Directory -Path C:\Temp -Force | Out-Null
$report | Export-Csv -Path $csv -NoTypeInformation
Write-Output "report saved to $csv; no service was started or stopped"
