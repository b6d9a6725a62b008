# description: Prints guidance text that names Format-Volume and Remove-Item C:\; nothing is executed.
Write-Output 'Never run Format-Volume or Clear-Disk from a runbook.'
Write-Output 'Remove-Item C:\ -Recurse is blocked by policy; delete inside the app folder instead.'
