# description: Prints partition tables with fdisk -l and sgdisk --print; near miss for partition-wiping tools.
fdisk -l /dev/sda
sgdisk --print /dev/sda
