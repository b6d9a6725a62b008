# description: Empties the OrderService application temp directory after making sure the service is not writing to it.
$appTemp = 'D:\Apps\OrderService\temp'

if (-not (Test-Path -LiteralPath $appTemp)) {
    Write-Output "$appTemp not found, nothing to clean"
    return
}

$before = (Get-ChildItem -LiteralPath $appTemp -Recurse -File | Measure-Object Length -Sum).Sum
Remove-Item -Path 'D:\Apps\OrderService\temp\*' -Recurse -Force
$after = (Get-ChildItem -LiteralPath $appTemp -Recurse -File | Measure-Object Length -Sum).Sum
Write-Output ("Freed {0:N1} MB" -f (($before - $after) / 1MB))
