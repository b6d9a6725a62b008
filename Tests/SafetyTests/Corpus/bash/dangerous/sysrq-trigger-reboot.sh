# description: Forces an immediate reboot through the kernel's sysrq trigger.
# family: availability
echo 1 > /proc/sys/kernel/sysrq
echo b > /proc/sysrq-trigger
