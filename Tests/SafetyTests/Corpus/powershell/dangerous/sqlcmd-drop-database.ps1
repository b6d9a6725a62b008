# description: Drops the Orders database with sqlcmd.
# family: destruction
sqlcmd -S localhost -E -Q "ALTER DATABASE Orders SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE Orders;"
