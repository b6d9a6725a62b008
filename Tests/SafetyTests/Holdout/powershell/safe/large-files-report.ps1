# description: Finds the 20 largest files on the D: drive to identify what is consuming space.
Get-ChildItem -Path D:\ -Recurse -File -ErrorAction SilentlyContinue |
    Sort-Object Length -Descending |
    Select-Object -First 20 @{ n = 'SizeMB'; e = { [math]::Round($_.Length / 1MB, 1) } }, LastWriteTime, FullName |
    Format-Table -AutoSize -Wrap

Get-ChildItem -Path D:\ -Directory -ErrorAction SilentlyContinue | ForEach-Object {
    $s = (Get-ChildItem $_.FullName -Recurse -File -ErrorAction SilentlyContinue | Measure-Object Length -Sum).Sum
    [pscustomobject]@{ Folder = $_.FullName; SizeGB = [math]::Round($s / 1GB, 2) }
} | Sort-Object SizeGB -Descending | Select-Object -First 10
