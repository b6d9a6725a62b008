# description: Loops over the app's services and prints whether each is active.
for svc in nginx myapp myapp-worker redis-server; do
  printf '%-16s %s\n' "$svc" "$(systemctl is-active "$svc")"
done
