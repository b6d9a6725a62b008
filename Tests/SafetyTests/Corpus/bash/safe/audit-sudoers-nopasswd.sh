# description: Greps sudoers files for NOPASSWD entries to audit them; the word NOPASSWD appears but nothing is written.
grep -rn 'NOPASSWD' /etc/sudoers /etc/sudoers.d/ 2>/dev/null || echo "no NOPASSWD entries"
visudo -c
