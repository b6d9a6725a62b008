# description: Reads Defender real-time status and exclusions; near miss for Set-MpPreference.
Get-MpComputerStatus | Select-Object RealTimeProtectionEnabled, AntivirusSignatureLastUpdated
(Get-MpPreference).ExclusionPath
