# description: Empties the recycle bin on all drives.
# family: destruction
Clear-RecycleBin -Force
