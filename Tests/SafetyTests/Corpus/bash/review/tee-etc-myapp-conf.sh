# description: Writes a new application config file under /etc with tee.
# family: availability
tee /etc/myapp.conf >/dev/null <<'EOF'
listen = 127.0.0.1:8080
workers = 8
log_level = info
EOF
