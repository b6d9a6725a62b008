# description: Prunes all stopped containers, unused networks, dangling images and build cache.
# family: destruction
docker system prune -f
docker system df
