# description: Runs halt written as two adjacent quoted strings.
# family: availability
# obfuscated: yes
"ha"'lt' -p
