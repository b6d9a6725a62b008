# description: Lists non-Microsoft scheduled tasks with their actions, run-as account and last result, highlighting failures, in a report.
param([int]$MaxAgeHours = 48)

function Format-TaskResult([long]$code) {
    switch ($code) {
        0          { 'Success' }
        267009     { 'Running' }
        267011     { 'Never run' }
        2147946720 { 'Operator refused' }
        default    { '0x{0:X8}' -f $code }
    }
}

$rows = foreach ($task in Get-ScheduledTask | Where-Object { $_.TaskPath -notlike '\Microsoft\*' }) {
    $info = $task | Get-ScheduledTaskInfo
    [pscustomobject]@{
        Task    = "$($task.TaskPath)$($task.TaskName)"
        State   = $task.State
        RunAs   = $task.Principal.UserId
        Action  = ($task.Actions | ForEach-Object { "$($_.Execute) $($_.Arguments)" }) -join '; '
        LastRun = $info.LastRunTime
        Result  = Format-TaskResult $info.LastTaskResult
        Stale   = $info.LastRunTime -lt (Get-Date).AddHours(-$MaxAgeHours)
    }
}

$rows | Sort-Object Task | Format-Table -AutoSize -Wrap

$failed = $rows | Where-Object { $_.Result -notin 'Success', 'Running', 'Never run' }
Write-Output @"

Summary: $($rows.Count) custom tasks, $($failed.Count) failing, $(($rows | Where-Object Stale).Count) not run in $MaxAgeHours h
"@
$failed | ForEach-Object { Write-Warning "$($_.Task) last result $($_.Result)" }
