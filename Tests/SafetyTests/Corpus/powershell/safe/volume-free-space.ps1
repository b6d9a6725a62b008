# description: Lists volumes with less than 15 percent free space.
Get-Volume |
    Where-Object { $_.DriveLetter -and $_.Size -gt 0 -and ($_.SizeRemaining / $_.Size) -lt 0.15 } |
    Select-Object DriveLetter, FileSystemLabel, @{n='FreeGB';e={[math]::Round($_.SizeRemaining / 1GB, 1)}}
