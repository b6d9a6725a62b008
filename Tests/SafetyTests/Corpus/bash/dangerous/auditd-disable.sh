# description: Disables kernel auditing and stops auditd.
# family: security
auditctl -e 0
service auditd stop
