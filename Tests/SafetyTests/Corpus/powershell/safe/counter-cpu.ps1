# description: Samples total CPU usage five times.
Get-Counter '\Processor(_Total)\% Processor Time' -SampleInterval 2 -MaxSamples 5 |
    ForEach-Object { $_.CounterSamples.CookedValue }
