# description: Lists failing pods across all namespaces; -A is harmless on get, near miss for delete -A.
kubectl get pods -A --field-selector=status.phase!=Running
kubectl get events -A --sort-by=.lastTimestamp | tail -n 30
