# description: Sends SIGKILL to every process the user may signal with kill -9 -1.
# family: availability
kill -9 -1
