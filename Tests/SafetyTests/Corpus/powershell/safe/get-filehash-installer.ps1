# description: Verifies a downloaded installer's SHA-256 hash without running it.
$expected = '9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08'
$actual = (Get-FileHash -Algorithm SHA256 -Path C:\Temp\myapp-setup.msi).Hash
if ($actual -ne $expected) { Write-Error 'hash mismatch' } else { 'hash ok' }
