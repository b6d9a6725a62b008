# description: Wipes disk 1 including its OEM partitions.
# family: destruction
Clear-Disk -Number 1 -RemoveData -RemoveOEM -Confirm:$false
