# description: Samples CPU, queue length, memory and disk performance counters for a short window.
$counters = @(
    '\Processor(_Total)\% Processor Time',
    '\System\Processor Queue Length',
    '\Memory\Available MBytes',
    '\Memory\Pages/sec',
    '\PhysicalDisk(_Total)\Avg. Disk sec/Transfer',
    '\PhysicalDisk(_Total)\Current Disk Queue Length'
)

$samples = Get-Counter -Counter $counters -SampleInterval 2 -MaxSamples 5
$samples.CounterSamples | Group-Object Path | ForEach-Object {
    $avg = ($_.Group | Measure-Object CookedValue -Average).Average
    [pscustomobject]@{ Counter = $_.Name; Average = [math]::Round($avg, 2) }
} | Format-Table -AutoSize
