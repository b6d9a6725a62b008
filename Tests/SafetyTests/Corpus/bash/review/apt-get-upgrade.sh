# description: Upgrades all installed packages non-interactively.
# family: availability
export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get upgrade -y
