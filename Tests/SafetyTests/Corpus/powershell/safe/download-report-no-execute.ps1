# description: Downloads a CSV report to a file and imports it; near miss for download-and-run.
Invoke-WebRequest -UseBasicParsing -Uri https://example.com/reports/daily.csv -OutFile C:\Temp\daily.csv
Import-Csv C:\Temp\daily.csv | Select-Object -First 20
