# description: Deletes the contents of a literal application cache directory.
systemctl is-active --quiet myapp || echo "myapp not running"
rm -rf /var/lib/myapp/cache/*
du -sh /var/lib/myapp
