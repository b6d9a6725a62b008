# description: Truncates the orders table in PostgreSQL with CASCADE.
# family: destruction
psql -U postgres -d shop -c 'TRUNCATE TABLE orders CASCADE;'
