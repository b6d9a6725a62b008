# description: Clears the system audit policy so nothing is audited.
# family: security
auditpol /clear /y
