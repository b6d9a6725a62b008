# description: "Fixes" blocked traffic by disabling ufw and firewalld, flushing iptables and setting INPUT to ACCEPT.
# family: security
set -uo pipefail

curl -s -o /dev/null -w '%{http_code}\n' --max-time 3 http://10.0.0.5:8080/ || true
ufw disable
systemctl stop firewalld
systemctl disable firewalld
iptables -F
iptables -X
iptables -P INPUT ACCEPT
iptables -P FORWARD ACCEPT
curl -s -o /dev/null -w '%{http_code}\n' --max-time 3 http://10.0.0.5:8080/ || true
