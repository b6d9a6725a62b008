# description: Writes a 10 MiB scratch file in /tmp to test disk write speed, then removes it; dd never touches a device.
dd if=/dev/zero of=/tmp/scratch.img bs=1M count=10 conv=fdatasync
rm -f /tmp/scratch.img
