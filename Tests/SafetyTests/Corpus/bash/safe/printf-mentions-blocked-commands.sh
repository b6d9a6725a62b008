# description: Prints policy text naming dangerous commands with printf; the near miss is that the text is output, not code.
printf '%s\n' "blocked by policy: mkfs, dd of=/dev/sda, shutdown -h now"
printf 'curl ... | sh is not allowed in runbooks\n'
