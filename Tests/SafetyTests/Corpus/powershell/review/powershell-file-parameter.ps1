# description: Starts a child powershell.exe on a script file given as a parameter.
# family: execution
param([string]$ScriptFile)
powershell.exe -NoProfile -ExecutionPolicy RemoteSigned -File $ScriptFile
