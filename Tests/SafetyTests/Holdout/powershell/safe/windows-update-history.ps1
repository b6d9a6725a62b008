# description: Lists the most recently installed hotfixes, update history and the Windows Update service state.
Get-HotFix | Sort-Object InstalledOn -Descending |
    Select-Object -First 15 HotFixID, Description, InstalledOn, InstalledBy | Format-Table -AutoSize

Get-Service wuauserv, BITS | Format-Table Name, Status, StartType

$session = New-Object -ComObject Microsoft.Update.Session
$searcher = $session.CreateUpdateSearcher()
$count = $searcher.GetTotalHistoryCount()
if ($count -gt 0) {
    $searcher.QueryHistory(0, [math]::Min(10, $count)) | Select-Object Date, Title, ResultCode | Format-Table -AutoSize
}
