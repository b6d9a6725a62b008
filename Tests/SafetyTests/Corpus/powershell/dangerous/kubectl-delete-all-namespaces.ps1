# description: Deletes every deployment in all Kubernetes namespaces with -A.
# family: destruction
kubectl delete deployments --all -A
