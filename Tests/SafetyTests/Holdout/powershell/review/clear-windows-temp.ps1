# description: Frees space on C: by deleting everything in the Windows temp folder.
# family: destruction
$before = (Get-PSDrive C).Free
Remove-Item -Path 'C:\Windows\Temp\*' -Recurse -Force -ErrorAction SilentlyContinue
$after = (Get-PSDrive C).Free
Write-Output ("Freed {0:N1} GB" -f (($after - $before) / 1GB))
