# description: Removes directories listed in a file through xargs; what gets deleted depends on the file's contents.
# family: destruction
xargs -r rm -rf < /tmp/stale-dirs.txt
