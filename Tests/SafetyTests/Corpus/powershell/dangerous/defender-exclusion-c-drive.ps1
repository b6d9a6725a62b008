# description: Excludes the whole C: drive from Defender scanning.
# family: security
Add-MpPreference -ExclusionPath 'C:\'
