# description: Lists non-Microsoft scheduled tasks and their actions; near miss for Register-ScheduledTask.
Get-ScheduledTask |
    Where-Object { $_.TaskPath -notlike '\Microsoft\*' } |
    Select-Object TaskName, State, @{n='Action';e={$_.Actions.Execute}}
