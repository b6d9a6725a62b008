# description: Adds an inbound firewall rule allowing TCP 8443 from the internal network for the new admin API.
# family: security
if (-not (Get-NetFirewallRule -DisplayName 'OrderService Admin API' -ErrorAction SilentlyContinue)) {
    New-NetFirewallRule -DisplayName 'OrderService Admin API' -Direction Inbound -Protocol TCP -LocalPort 8443 `
        -RemoteAddress 10.0.0.0/8 -Action Allow -Profile Domain
}
Get-NetFirewallRule -DisplayName 'OrderService Admin API' | Get-NetFirewallPortFilter
