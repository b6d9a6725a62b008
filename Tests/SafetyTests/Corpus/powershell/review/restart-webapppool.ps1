# description: Recycles one IIS application pool.
# family: availability
Import-Module WebAdministration
Restart-WebAppPool -Name 'MyAppPool'
