# description: Shows listening TCP sockets and the processes that own them.
ss -tlnp
ss -s
