# description: Runs a remediation script whose path is supplied by the runbook automation as a parameter.
# family: change
param(
    [Parameter(Mandatory)] [string]$RunbookRoot,
    [Parameter(Mandatory)] [string]$StepName
)

$scriptPath = Join-Path $RunbookRoot "$StepName.ps1"
Write-Output "Executing runbook step $scriptPath"
& $scriptPath
Write-Output "Step finished with success=$?"
