# description: Evaluates a command string held in a variable the validator cannot see.
# family: execution
CMD=${REMEDIATION_CMD:-}
eval "$CMD"
