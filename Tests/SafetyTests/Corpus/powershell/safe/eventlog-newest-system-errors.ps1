# description: Shows the newest 50 errors from the System event log.
Get-EventLog -LogName System -EntryType Error -Newest 50 |
    Select-Object TimeGenerated, Source, EventID, Message
