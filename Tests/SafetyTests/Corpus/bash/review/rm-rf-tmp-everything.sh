# description: Deletes everything in /tmp, including other services' sockets and files.
# family: destruction
rm -rf /tmp/*
