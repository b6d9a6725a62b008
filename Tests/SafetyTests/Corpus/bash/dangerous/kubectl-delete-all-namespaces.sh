# description: Deletes all pods, deployments and services in every namespace.
# family: destruction
kubectl delete pods,deployments,services --all --all-namespaces
