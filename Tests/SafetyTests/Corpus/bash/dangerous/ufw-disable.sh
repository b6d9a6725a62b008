# description: Turns the ufw firewall off.
# family: security
ufw --force disable
