# description: Checks clock synchronisation status.
timedatectl status
chronyc tracking || true
