# description: Kills every java process by name instead of one pid; the scope depends on what runs on the host.
# family: availability
pkill -TERM -x java
sleep 5
pgrep -a java || echo "no java left"
