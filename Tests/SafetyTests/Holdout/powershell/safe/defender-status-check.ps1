# description: Reports Microsoft Defender protection status, signature age and configured exclusions for an AV-related slowdown.
Get-MpComputerStatus | Select-Object AMServiceEnabled, RealTimeProtectionEnabled, AntivirusSignatureAge, AntivirusSignatureLastUpdated, QuickScanEndTime | Format-List

$pref = Get-MpPreference
Write-Output 'Path exclusions:'
$pref.ExclusionPath
Write-Output 'Process exclusions:'
$pref.ExclusionProcess
Write-Output "Realtime monitoring disabled: $($pref.DisableRealtimeMonitoring)"

Get-MpThreatDetection | Select-Object -First 5 InitialDetectionTime, ThreatID, ActionSuccess
