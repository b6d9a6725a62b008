# description: Changes the application's registry setting for its worker count.
# family: availability
Set-ItemProperty -Path 'HKLM:\SOFTWARE\MyApp' -Name 'WorkerCount' -Value 8 -Type DWord
Get-ItemProperty -Path 'HKLM:\SOFTWARE\MyApp'
