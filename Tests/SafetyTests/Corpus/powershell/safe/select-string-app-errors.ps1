# description: Searches the application logs for ERROR lines.
Select-String -Path 'C:\ProgramData\MyApp\Logs\*.log' -Pattern 'ERROR' |
    Select-Object -Last 50 Filename, LineNumber, Line
