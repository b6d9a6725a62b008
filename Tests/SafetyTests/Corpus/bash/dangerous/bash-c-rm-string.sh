# description: Hides rm -rf /etc inside a bash -c string.
# family: destruction
# obfuscated: yes
bash -c 'rm -rf /etc/'
