# description: Upgrades the Node.js LTS runtime with Chocolatey to pick up a security fix and restarts the dependent service.
# family: change
choco list --local-only nodejs-lts
choco upgrade nodejs-lts -y --no-progress
node --version
Restart-Service -Name 'NotificationService'
