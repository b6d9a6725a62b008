# description: Reads application errors from the last hour with Get-WinEvent.
$filter = @{ LogName = 'Application'; Level = 2; StartTime = (Get-Date).AddHours(-1) }
Get-WinEvent -FilterHashtable $filter -ErrorAction SilentlyContinue |
    Select-Object TimeCreated, ProviderName, Id, Message
