# description: Runs a command string passed as a parameter through Invoke-Expression.
# family: execution
param([string]$Command)
Invoke-Expression $Command
