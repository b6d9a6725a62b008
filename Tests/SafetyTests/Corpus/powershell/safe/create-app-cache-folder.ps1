# description: Recreates the application's cache folder if it is missing.
$path = 'C:\ProgramData\MyApp\Cache'
if (-not (Test-Path $path)) {
    New-Item -ItemType Directory -Path $path -Force | Out-Null
}
Get-Item $path
