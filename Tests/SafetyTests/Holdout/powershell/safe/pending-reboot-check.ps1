# description: Checks the registry markers that indicate a pending reboot without rebooting the server.
$checks = [ordered]@{
    'CBS RebootPending'        = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending'
    'WU RebootRequired'        = 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
}

foreach ($k in $checks.Keys) {
    "{0,-28} {1}" -f $k, (Test-Path $checks[$k])
}

$pfro = Get-ItemProperty -Path 'HKLM:\SYSTEM\CurrentControlSet\Control\Session Manager' -Name PendingFileRenameOperations -ErrorAction SilentlyContinue
"{0,-28} {1}" -f 'PendingFileRename', [bool]$pfro

Write-Output 'Note: do not reboot from this script; schedule it in the maintenance window.'
