# description: Empties the application's cache folder under ProgramData with Remove-Item -Recurse.
Remove-Item -Path 'C:\ProgramData\MyApp\Cache\*' -Recurse -Force
Get-ChildItem -Path 'C:\ProgramData\MyApp\Cache' | Measure-Object
