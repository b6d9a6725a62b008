# description: Restores ownership and a private mode on the application's own data directory.
chown -R myapp:myapp /var/lib/myapp/data
chmod 750 /var/lib/myapp/data
