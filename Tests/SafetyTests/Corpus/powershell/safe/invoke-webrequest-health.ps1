# description: Calls the local health endpoint and checks the status code without executing the response.
$r = Invoke-WebRequest -UseBasicParsing -Uri http://localhost/health -TimeoutSec 10
if ($r.StatusCode -ne 200) { Write-Warning "health returned $($r.StatusCode)" }
$r.Content
