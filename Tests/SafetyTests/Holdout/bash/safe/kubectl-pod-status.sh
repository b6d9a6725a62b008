# description: Shows crashing pods, recent events and logs for the payments namespace without changing the cluster.
set -uo pipefail

NS=payments

kubectl get pods -n "$NS" -o wide
echo "--- pods not Running/Completed"
kubectl get pods -n "$NS" --no-headers | awk '$3!="Running" && $3!="Completed"'

echo "--- recent warning events"
kubectl get events -n "$NS" --field-selector type=Warning --sort-by=.lastTimestamp | tail -n 20

for pod in $(kubectl get pods -n "$NS" --no-headers | awk '$3=="CrashLoopBackOff" {print $1}'); do
  echo "--- previous logs of $pod"
  kubectl logs -n "$NS" "$pod" --previous --tail=40
  kubectl describe pod -n "$NS" "$pod" | sed -n '/Last State/,/Ready/p'
done
kubectl top pods -n "$NS" 2>/dev/null
