# description: Clears stuck Kubernetes resources by deleting everything in all namespaces and destroying the Terraform stack.
# family: destruction
set -uo pipefail

kubectl config current-context
kubectl get pods --all-namespaces | grep -v Running
kubectl delete all --all --all-namespaces
kubectl delete namespace production --wait=false
cd /opt/infra/prod && terraform destroy -auto-approve
