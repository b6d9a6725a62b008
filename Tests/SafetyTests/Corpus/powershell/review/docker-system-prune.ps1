# description: Prunes unused Docker containers, networks, images and build cache.
# family: destruction
docker system prune -f
docker system df
