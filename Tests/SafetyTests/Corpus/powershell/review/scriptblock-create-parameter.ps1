# description: Builds a script block from a parameter string and invokes it.
# family: execution
param([string]$Body)
$sb = [scriptblock]::Create($Body)
$sb.Invoke()
