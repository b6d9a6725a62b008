# description: Scans the tail of the OrderService logs for errors, classifies them by type and prints a short summary report.
param(
    [string]$LogDir = 'D:\Apps\OrderService\logs',
    [int]$Tail = 2000
)

function Get-ErrorClass([string]$line) {
    switch -Regex ($line) {
        'SqlException|deadlock'      { return 'database' }
        'TimeoutException|timed out' { return 'timeout' }
        'OutOfMemory'                { return 'memory' }
        '401|403|Unauthorized'       { return 'auth' }
        default                      { return 'other' }
    }
}

$counts = @{}
$samples = @{}
foreach ($file in Get-ChildItem -Path $LogDir -Filter '*.log' -File) {
    $hits = Get-Content -Path $file.FullName -Tail $Tail | Select-String -Pattern 'ERROR|FATAL'
    foreach ($m in $hits) {
        $class = Get-ErrorClass $m.Line
        $counts[$class] = 1 + [int]$counts[$class]
        if (-not $samples.ContainsKey($class)) { $samples[$class] = "$($file.Name): $($m.Line.Trim())" }
    }
}

if ($counts.Count -eq 0) { Write-Output "No errors in the last $Tail lines of each log"; return }

Write-Output "Error classes in $LogDir (last $Tail lines per file):"
$counts.GetEnumerator() | Sort-Object Value -Descending | Format-Table Name, Value -AutoSize
Write-Output 'First sample per class:'
$samples.GetEnumerator() | ForEach-Object { "  [{0}] {1}" -f $_.Key, $_.Value }
