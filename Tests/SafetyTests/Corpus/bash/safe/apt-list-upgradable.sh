# description: Lists packages with pending upgrades; near miss for apt-get upgrade because nothing is installed.
apt list --upgradable 2>/dev/null | head -n 40
