# description: Adds a user to the sudo group to grant admin rights.
# family: security
usermod -aG sudo intern
id intern
