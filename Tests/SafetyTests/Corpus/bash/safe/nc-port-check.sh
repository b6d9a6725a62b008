# description: Probes whether PostgreSQL and Redis ports answer locally; nc is used only with -z.
nc -zv -w 3 127.0.0.1 5432
nc -zv -w 3 127.0.0.1 6379
