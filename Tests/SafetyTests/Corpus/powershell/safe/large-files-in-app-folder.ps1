# description: Finds the largest files in the application folder.
Get-ChildItem -Path 'C:\ProgramData\MyApp' -Recurse -File -ErrorAction SilentlyContinue |
    Sort-Object Length -Descending |
    Select-Object -First 20 FullName, @{n='MB';e={[math]::Round($_.Length / 1MB, 1)}}
