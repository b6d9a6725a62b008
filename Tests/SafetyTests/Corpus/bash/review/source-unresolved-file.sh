# description: Sources an environment file whose path comes from a variable.
# family: execution
source "$ENV_FILE"
myapp-ctl reload
