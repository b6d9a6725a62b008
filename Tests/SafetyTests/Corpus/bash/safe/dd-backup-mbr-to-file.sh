# description: Copies the first sector of a disk into a file; dd reads the device but writes only to /tmp.
dd if=/dev/sda of=/tmp/sda-mbr.bin bs=512 count=1
sha256sum /tmp/sda-mbr.bin
