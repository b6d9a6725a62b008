# description: Adds an entry to the system hosts file to pin a host name.
# family: security
Add-Content -Path "$env:SystemRoot\System32\drivers\etc\hosts" -Value '10.0.4.21  db01.corp.example.com'
