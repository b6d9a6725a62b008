# description: Installs a nightly cleanup job for the app in /etc/cron.d; legitimate, but it adds a scheduled job.
# family: persistence
cat > /etc/cron.d/myapp-cleanup <<'EOF'
30 3 * * * myapp /usr/local/bin/myapp-cleanup --older-than 7d
EOF
chmod 644 /etc/cron.d/myapp-cleanup
