# description: Writes an image with dd to a target taken from the environment, which may or may not be a device.
# family: destruction
dd if=/srv/images/appliance.img of="$TARGET" bs=4M conv=fsync
