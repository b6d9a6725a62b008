# description: Deletes the PSReadLine history file and clears in-session history.
# family: security
Remove-Item -Path (Get-PSReadLineOption).HistorySavePath -Force
Clear-History
