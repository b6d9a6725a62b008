# description: Sets the machine execution policy to Bypass.
# family: security
Set-ExecutionPolicy Bypass -Scope LocalMachine -Force
