# description: Lists execution policies per scope; near miss for Set-ExecutionPolicy.
Get-ExecutionPolicy -List
