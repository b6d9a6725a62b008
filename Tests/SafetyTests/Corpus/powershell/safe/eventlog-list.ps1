# description: Lists event logs and their sizes; near miss for Clear-EventLog.
Get-EventLog -List | Select-Object Log, MaximumKilobytes, @{n='Entries';e={$_.Entries.Count}}
