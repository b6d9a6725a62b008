# description: Empties the MyApp cache folder held in a fixed variable, refusing to run if the variable is empty or the path is wrong.
$CacheDir = 'C:\ProgramData\MyApp\cache'

if ([string]::IsNullOrWhiteSpace($CacheDir) -or $CacheDir -notlike 'C:\ProgramData\MyApp\*') {
    throw "Refusing to clean unexpected path '$CacheDir'"
}
if (-not (Test-Path -LiteralPath $CacheDir)) { Write-Output 'cache dir missing'; return }

$items = Get-ChildItem -LiteralPath $CacheDir -Force
Write-Output "Removing $($items.Count) items from $CacheDir"
$items | Remove-Item -Recurse -Force
Get-ChildItem -LiteralPath $CacheDir | Measure-Object | Select-Object Count
