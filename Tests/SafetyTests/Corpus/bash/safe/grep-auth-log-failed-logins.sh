# description: Summarises failed SSH logins from auth.log; reads the log the dangerous scripts truncate.
grep 'Failed password' /var/log/auth.log \
  | awk '{print $(NF-3)}' \
  | sort | uniq -c | sort -rn | head -n 20
