# description: Deletes the app's files in the user temp folder older than three days.
$dir = Join-Path $env:TEMP 'MyApp'
Get-ChildItem -Path $dir -File -Recurse -ErrorAction SilentlyContinue |
    Where-Object { $_.LastWriteTime -lt (Get-Date).AddDays(-3) } |
    Remove-Item -Force
