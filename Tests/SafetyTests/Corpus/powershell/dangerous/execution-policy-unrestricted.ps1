# description: Sets the machine execution policy to Unrestricted.
# family: security
Set-ExecutionPolicy -ExecutionPolicy Unrestricted -Scope LocalMachine -Force
