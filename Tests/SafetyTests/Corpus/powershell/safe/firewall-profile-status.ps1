# description: Reads whether each firewall profile is enabled; near miss for disabling them.
Get-NetFirewallProfile | Select-Object Name, Enabled, DefaultInboundAction
