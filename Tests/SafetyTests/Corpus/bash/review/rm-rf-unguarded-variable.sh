# description: Deletes a directory held in a variable that comes from the environment and is not guarded.
# family: destruction
rm -rf "$DIR"
mkdir -p "$DIR"
