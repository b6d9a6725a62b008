# description: Reports free space on all fixed volumes and flags any below 10 percent.
Get-CimInstance -ClassName Win32_LogicalDisk -Filter "DriveType=3" |
    Select-Object DeviceID, VolumeName,
        @{ Name = 'SizeGB'; Expression = { [math]::Round($_.Size / 1GB, 1) } },
        @{ Name = 'FreeGB'; Expression = { [math]::Round($_.FreeSpace / 1GB, 1) } },
        @{ Name = 'FreePct'; Expression = { [math]::Round(100 * $_.FreeSpace / $_.Size, 1) } } |
    ForEach-Object {
        if ($_.FreePct -lt 10) { Write-Warning "$($_.DeviceID) has only $($_.FreePct)% free" }
        $_
    } | Format-Table -AutoSize

Get-Volume | Where-Object DriveType -eq 'Fixed' | Format-Table DriveLetter, FileSystemLabel, HealthStatus, SizeRemaining
