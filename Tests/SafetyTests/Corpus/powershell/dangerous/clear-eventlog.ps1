# description: Clears the classic event logs with Clear-EventLog.
# family: security
Clear-EventLog -LogName Security, System, Application
