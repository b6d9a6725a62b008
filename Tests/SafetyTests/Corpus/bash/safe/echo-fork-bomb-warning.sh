# description: Echoes the classic fork bomb as a quoted warning string.
echo 'Do not paste :(){ :|:& };: into a shell; it is a fork bomb.'
