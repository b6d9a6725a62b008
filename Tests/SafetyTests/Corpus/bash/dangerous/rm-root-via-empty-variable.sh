# description: Clears an app directory through a variable that is empty, so the path becomes /* and everything is deleted.
# family: destruction
APP_DIR=""
# intended: clear the application's working directory
rm -rf "$APP_DIR"/*
