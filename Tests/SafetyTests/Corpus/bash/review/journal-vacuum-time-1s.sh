# description: Deletes all archived journal files by vacuuming to one second; it destroys log history but is not an attack by itself.
# family: destruction
journalctl --rotate
journalctl --vacuum-time=1s
