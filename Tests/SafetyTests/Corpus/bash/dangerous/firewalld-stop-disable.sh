# description: Stops and disables firewalld.
# family: security
systemctl stop firewalld
systemctl disable firewalld
