# description: Hides kill -9 -1 behind variables.
# family: availability
# obfuscated: yes
SIG=-9
ALL=-1
kill $SIG $ALL
