# description: Reads kernel network and file-handle settings.
sysctl net.core.somaxconn net.ipv4.tcp_max_syn_backlog
cat /proc/sys/fs/file-nr
