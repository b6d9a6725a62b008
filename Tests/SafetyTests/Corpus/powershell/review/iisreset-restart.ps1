# description: Restarts all IIS services with iisreset.
# family: availability
iisreset /restart
