# description: Reports last boot time and free memory.
Get-CimInstance Win32_OperatingSystem |
    Select-Object CSName, LastBootUpTime, @{n='FreeMemMB';e={[math]::Round($_.FreePhysicalMemory / 1KB)}}
