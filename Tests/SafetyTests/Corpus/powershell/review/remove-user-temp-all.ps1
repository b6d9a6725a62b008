# description: Deletes everything in the user temp folder, including files in use by other programs.
# family: destruction
Remove-Item -Path "$env:TEMP\*" -Recurse -Force -ErrorAction SilentlyContinue
