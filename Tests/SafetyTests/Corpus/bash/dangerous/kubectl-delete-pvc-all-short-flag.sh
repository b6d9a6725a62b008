# description: Deletes every persistent volume claim in all namespaces using the -A short flag.
# family: destruction
kubectl delete pvc --all -A
