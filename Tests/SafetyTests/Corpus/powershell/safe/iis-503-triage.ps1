# description: Collects evidence for IIS 503 errors: service and pool state, recent HTTP.sys errors and the health endpoint.
$ErrorActionPreference = 'Continue'
$out = "C:\Temp\iis-503-$(Get-Date -Format yyyyMMdd-HHmmss).txt"
New-Item -ItemType Directory -Path C:\Temp -Force | Out-Null

function Section([string]$title) {
    Add-Content -Path $out -Value "`r`n===== $title ====="
}

Section 'services'
Get-Service W3SVC, WAS | Format-Table Name, Status -AutoSize | Out-String | Add-Content $out

Section 'application pools'
Import-Module WebAdministration
Get-ChildItem IIS:\AppPools | Select-Object Name, State | Out-String | Add-Content $out

Section 'HTTP.sys errors'
$httpErr = 'C:\Windows\System32\LogFiles\HTTPERR'
Get-ChildItem $httpErr -Filter *.log |
    Sort-Object LastWriteTime -Descending |
    Select-Object -First 1 |
    Get-Content -Tail 50 |
    Add-Content $out

Section 'WAS events'
Get-WinEvent -FilterHashtable @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WAS'; StartTime = (Get-Date).AddHours(-2) } -ErrorAction SilentlyContinue |
    Select-Object TimeCreated, Id, Message | Out-String | Add-Content $out

Section 'health endpoint'
try {
    $r = Invoke-WebRequest -UseBasicParsing http://localhost/health -TimeoutSec 10
    Add-Content $out "status $($r.StatusCode)"
} catch {
    Add-Content $out "request failed: $($_.Exception.Message)"
}

Write-Output "evidence written to $out; nothing was changed"
