# description: Calls the local application health endpoints and reports status code and response time.
$endpoints = @('http://127.0.0.1:8080/health', 'http://127.0.0.1:8080/ready', 'http://localhost:5000/api/status')

foreach ($url in $endpoints) {
    $sw = [System.Diagnostics.Stopwatch]::StartNew()
    try {
        $resp = Invoke-WebRequest -Uri $url -UseBasicParsing -TimeoutSec 5
        $sw.Stop()
        Write-Output ("{0} -> {1} in {2} ms" -f $url, $resp.StatusCode, $sw.ElapsedMilliseconds)
    } catch {
        $sw.Stop()
        Write-Warning ("{0} -> FAILED: {1}" -f $url, $_.Exception.Message)
    }
}
