# description: Cancels a pending scheduled shutdown that someone queued by mistake.
shutdown -c "cancelled by on-call: maintenance window moved"
