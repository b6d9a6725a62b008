# description: Lists volume shadow copies; near miss for vssadmin delete shadows.
vssadmin list shadows
vssadmin list shadowstorage
