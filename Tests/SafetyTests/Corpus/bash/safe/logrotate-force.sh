# description: Forces a rotation of the application's logs using its logrotate config.
logrotate -f /etc/logrotate.d/myapp
ls -lh /var/log/app/
