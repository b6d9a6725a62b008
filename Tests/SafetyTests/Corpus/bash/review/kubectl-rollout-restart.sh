# description: Restarts one deployment in a single namespace.
# family: availability
kubectl -n shop rollout restart deployment/web
kubectl -n shop rollout status deployment/web --timeout=120s
