# description: Clears shell history in memory and on disk and stops recording it.
# family: security
history -c
> ~/.bash_history
unset HISTFILE
