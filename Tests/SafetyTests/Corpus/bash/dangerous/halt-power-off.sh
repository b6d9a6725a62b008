# description: Halts and powers off the machine.
# family: availability
halt -p
