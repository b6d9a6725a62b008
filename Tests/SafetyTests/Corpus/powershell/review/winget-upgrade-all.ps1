# description: Upgrades every winget-managed application silently.
# family: availability
winget upgrade --all --silent --accept-source-agreements --accept-package-agreements
