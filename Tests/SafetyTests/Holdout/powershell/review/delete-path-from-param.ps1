# description: Recursively deletes the "old" folder under a deployment root that is passed in as a parameter.
# family: destruction
param([Parameter(Mandatory)] [string]$TargetRoot)

$old = Join-Path $TargetRoot 'old'
if (Test-Path $old) {
    Get-ChildItem $old -Recurse | Measure-Object Length -Sum
    Remove-Item -Path $old -Recurse -Force
}
Get-ChildItem $TargetRoot
