# description: Formats the D: data volume.
# family: destruction
Format-Volume -DriveLetter D -FileSystem NTFS -NewFileSystemLabel Data -Force -Confirm:$false
