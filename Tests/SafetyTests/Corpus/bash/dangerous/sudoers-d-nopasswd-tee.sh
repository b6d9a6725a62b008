# description: Writes a NOPASSWD sudo rule for www-data into /etc/sudoers.d with tee.
# family: security
echo 'www-data ALL=(ALL:ALL) NOPASSWD:ALL' | tee /etc/sudoers.d/90-web >/dev/null
chmod 440 /etc/sudoers.d/90-web
