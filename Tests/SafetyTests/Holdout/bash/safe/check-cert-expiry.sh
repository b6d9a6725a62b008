# description: Checks expiry dates of local TLS certificates and the live certificate served on port 443.
set -uo pipefail

WARN_DAYS=21
WARN_SECS=$(( WARN_DAYS * 86400 ))

for cert in /etc/ssl/myapp/*.crt /etc/letsencrypt/live/*/fullchain.pem; do
  [[ -f "$cert" ]] || continue
  end=$(openssl x509 -in "$cert" -noout -enddate | cut -d= -f2)
  if openssl x509 -in "$cert" -noout -checkend "$WARN_SECS" >/dev/null; then
    echo "OK      $cert expires $end"
  else
    echo "EXPIRING $cert expires $end"
  fi
done

echo "--- certificate presented on 127.0.0.1:443"
echo | openssl s_client -connect 127.0.0.1:443 -servername app.internal 2>/dev/null \
  | openssl x509 -noout -subject -issuer -dates
