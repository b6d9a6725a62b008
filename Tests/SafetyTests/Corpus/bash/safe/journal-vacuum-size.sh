# description: Shrinks the systemd journal to 500 MB, keeping recent logs.
journalctl --disk-usage
journalctl --vacuum-size=500M
