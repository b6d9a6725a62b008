# description: Performs a rolling restart of the checkout deployment in the checkout namespace to pick up a rotated secret.
# family: availability
set -euo pipefail

NS=checkout
kubectl -n "$NS" get deploy checkout-api
kubectl -n "$NS" rollout restart deployment/checkout-api
kubectl -n "$NS" rollout status deployment/checkout-api --timeout=300s
kubectl -n "$NS" get pods -l app=checkout-api
