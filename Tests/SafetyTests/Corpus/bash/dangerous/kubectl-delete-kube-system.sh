# description: Deletes the kube-system namespace, taking down the cluster's control components.
# family: destruction
kubectl delete namespace kube-system
