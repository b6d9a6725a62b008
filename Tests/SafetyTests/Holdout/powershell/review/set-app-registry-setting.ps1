# description: Raises the OrderService MaxWorkers setting in HKLM and restarts the service to apply it.
# family: change
$key = 'HKLM:\SOFTWARE\Contoso\OrderService'
Get-ItemProperty -Path $key -Name MaxWorkers
Set-ItemProperty -Path $key -Name MaxWorkers -Value 32 -Type DWord
Get-ItemProperty -Path $key -Name MaxWorkers
Restart-Service -Name OrderService
