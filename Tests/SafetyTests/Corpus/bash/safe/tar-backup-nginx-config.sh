# description: Archives /etc/nginx into /var/backups before anyone edits it; /etc is read, not written.
tar czf "/var/backups/nginx-$(date +%F).tar.gz" -C /etc nginx
ls -lh /var/backups/ | tail -n 5
