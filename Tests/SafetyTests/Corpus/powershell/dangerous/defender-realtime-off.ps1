# description: Disables Defender real-time monitoring and IOAV scanning.
# family: security
Set-MpPreference -DisableRealtimeMonitoring $true
Set-MpPreference -DisableIOAVProtection $true
