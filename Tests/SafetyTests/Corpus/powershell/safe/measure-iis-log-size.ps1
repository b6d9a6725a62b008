# description: Measures the total size of IIS logs.
Get-ChildItem -Path C:\inetpub\logs\LogFiles -Recurse -File |
    Measure-Object -Property Length -Sum |
    Select-Object Count, @{n='SizeMB';e={[math]::Round($_.Sum / 1MB)}}
