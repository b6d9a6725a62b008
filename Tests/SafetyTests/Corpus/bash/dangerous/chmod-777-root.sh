# description: Makes the whole filesystem world-writable.
# family: security
chmod -R 777 /
