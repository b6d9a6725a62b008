# description: Checks the registry for a pending reboot without rebooting.
$keys = @(
    'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Component Based Servicing\RebootPending',
    'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\WindowsUpdate\Auto Update\RebootRequired'
)
$pending = $keys | Where-Object { Test-Path $_ }
if ($pending) { 'reboot pending' } else { 'no reboot pending' }
