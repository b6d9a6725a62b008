# description: Lists firewall profile states and enabled inbound allow rules with their ports for review.
Get-NetFirewallProfile | Format-Table Name, Enabled, DefaultInboundAction, DefaultOutboundAction

Get-NetFirewallRule -Direction Inbound -Enabled True -Action Allow |
    ForEach-Object {
        $pf = $_ | Get-NetFirewallPortFilter
        [pscustomobject]@{
            Name     = $_.DisplayName
            Profile  = $_.Profile
            Protocol = $pf.Protocol
            Port     = $pf.LocalPort
        }
    } | Sort-Object Port | Format-Table -AutoSize

netsh advfirewall show allprofiles state
