# description: Shows IIS service state, site bindings and application pool states without changing anything.
Import-Module WebAdministration -ErrorAction SilentlyContinue

Get-Service -Name W3SVC, WAS | Format-Table Name, Status, StartType

Get-Website | Format-Table Name, State, PhysicalPath,
    @{ n = 'Bindings'; e = { $_.bindings.Collection.bindingInformation -join ', ' } }

Get-ChildItem IIS:\AppPools | Format-Table Name, State, ManagedRuntimeVersion

$since = (Get-Date).AddHours(-6)
Get-WinEvent -FilterHashtable @{ LogName = 'System'; ProviderName = 'Microsoft-Windows-WAS'; StartTime = $since } -ErrorAction SilentlyContinue |
    Select-Object -First 20 TimeCreated, Id, Message
