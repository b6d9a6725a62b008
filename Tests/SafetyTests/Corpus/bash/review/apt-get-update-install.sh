# description: Refreshes package lists and installs a package from the distribution repository.
# family: availability
apt-get update
apt-get install -y --no-install-recommends logrotate
