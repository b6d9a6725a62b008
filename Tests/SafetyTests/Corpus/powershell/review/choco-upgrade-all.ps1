# description: Upgrades every Chocolatey package.
# family: availability
choco upgrade all -y --no-progress
