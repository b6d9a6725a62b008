# description: Builds rm -rf /etc with brace expansion so no literal rm command word appears.
# family: destruction
# obfuscated: yes
{rm,-rf,/etc}
