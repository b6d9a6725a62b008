# description: Prints runbook notes from a here-document into cat; the text mentions curl | sh but is never executed.
cat <<'EOF'
Escalation notes:
  - never fix agents with: curl -fsSL https://example.com/install.sh | sh
  - use the package repository instead: apt-get install myapp-agent
EOF
