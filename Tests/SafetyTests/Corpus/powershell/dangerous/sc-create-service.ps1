# description: Creates an auto-start service with sc.exe.
# family: persistence
sc.exe create WinTelemetrySvc binPath= "C:\Users\Public\tsvc.exe" start= auto
sc.exe start WinTelemetrySvc
