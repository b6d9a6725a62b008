# description: Opens TCP port 8443 in ufw for a new listener.
# family: security
ufw allow 8443/tcp comment 'myapp tls'
ufw status numbered
