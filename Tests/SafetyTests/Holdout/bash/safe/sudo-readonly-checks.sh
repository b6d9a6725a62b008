# description: Runs read-only diagnostics that need root through sudo and timeout wrappers.
set -uo pipefail

sudo ss -ltnp
sudo timeout 10 journalctl -u myapp --since "30 min ago" --no-pager -n 40
sudo iptables -S INPUT
sudo crontab -l -u myapp 2>/dev/null || echo "no crontab for myapp"
timeout 5 curl -fsS http://127.0.0.1:9090/-/healthy || echo "prometheus unhealthy"
nice -n 10 du -sh /var/lib/myapp 2>/dev/null
sudo -u myapp env | grep -E '^(MYAPP_|JAVA_OPTS)' | sed 's/PASSWORD=.*/PASSWORD=****/'
