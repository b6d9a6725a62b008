# description: Removes root's password so root can log in without one.
# family: security
passwd -d root
