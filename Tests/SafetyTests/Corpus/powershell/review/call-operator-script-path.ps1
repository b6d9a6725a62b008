# description: Runs a script whose path is a parameter with the call operator.
# family: execution
param([string]$ScriptPath)
& $ScriptPath -Verbose
