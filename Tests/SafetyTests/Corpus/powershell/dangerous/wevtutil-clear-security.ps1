# description: Clears the Security and System event logs with wevtutil.
# family: security
wevtutil cl Security
wevtutil cl System
