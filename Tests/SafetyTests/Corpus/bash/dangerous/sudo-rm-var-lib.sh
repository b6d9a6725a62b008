# description: Deletes /var/lib with sudo, wiping package databases and all service state.
# family: destruction
sudo rm -rf /var/lib
