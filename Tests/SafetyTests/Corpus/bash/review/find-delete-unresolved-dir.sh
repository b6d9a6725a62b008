# description: Deletes old files under a directory passed in the environment, which the validator cannot resolve.
# family: destruction
find "$LOG_DIR" -type f -mtime +7 -delete
