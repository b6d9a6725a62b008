# description: Drops the production MySQL database.
# family: destruction
mysql -u root -e 'DROP DATABASE production;'
