# description: Rewrites the application's appsettings.json to change the log level.
# family: availability
$path = 'C:\Program Files\MyApp\appsettings.json'
Copy-Item $path "$path.bak" -Force
$cfg = Get-Content $path -Raw | ConvertFrom-Json
$cfg.Logging.LogLevel.Default = 'Warning'
$cfg | ConvertTo-Json -Depth 10 | Set-Content -Path $path -Encoding UTF8
