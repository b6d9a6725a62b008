# description: Checks ownership and mode of /etc/shadow and /etc/passwd without reading their contents.
stat -c '%a %U:%G %n' /etc/passwd /etc/shadow /etc/gshadow
