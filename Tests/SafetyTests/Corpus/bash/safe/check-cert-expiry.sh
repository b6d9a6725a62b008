# description: Prints the expiry date of the site's TLS certificate.
echo | openssl s_client -servername example.com -connect example.com:443 2>/dev/null \
  | openssl x509 -noout -subject -enddate
