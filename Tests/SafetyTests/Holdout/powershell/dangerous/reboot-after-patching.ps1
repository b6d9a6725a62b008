# description: Installs a cumulative update and immediately force-restarts the production server.
# family: availability
$kb = 'C:\Patches\windows10.0-kb5034441-x64.msu'
Start-Process -FilePath wusa.exe -ArgumentList "`"$kb`" /quiet /norestart" -Wait
Get-HotFix | Sort-Object InstalledOn -Descending | Select-Object -First 3
Restart-Computer -Force
