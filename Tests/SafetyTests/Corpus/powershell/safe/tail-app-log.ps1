# description: Shows the last 200 lines of the application log.
Get-Content -Path 'C:\ProgramData\MyApp\Logs\app.log' -Tail 200
