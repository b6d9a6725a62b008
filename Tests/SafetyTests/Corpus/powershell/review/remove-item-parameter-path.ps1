# description: Recursively deletes a path passed in as a parameter, which the validator cannot resolve.
# family: destruction
param([Parameter(Mandatory)][string]$Path)
Remove-Item -Path $Path -Recurse -Force
