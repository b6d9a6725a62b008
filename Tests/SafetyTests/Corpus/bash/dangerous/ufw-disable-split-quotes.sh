# description: Disables ufw with the command and verb broken up by empty quotes.
# family: security
# obfuscated: yes
u''fw --force dis''able
