# description: Shows a service's status, dependencies, dependents and recovery settings before planning a restart.
param([string]$Name = 'OrderService')

$svc = Get-Service -Name $Name
$svc | Format-List Name, DisplayName, Status, StartType
Write-Output 'Depends on:'
$svc.ServicesDependedOn | Format-Table Name, Status
Write-Output 'Dependent services:'
$svc.DependentServices | Format-Table Name, Status

sc.exe qfailure $Name
Get-CimInstance Win32_Service -Filter "Name='$Name'" | Select-Object PathName, StartName, ProcessId
