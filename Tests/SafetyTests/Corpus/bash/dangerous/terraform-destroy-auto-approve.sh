# description: Destroys all Terraform-managed production infrastructure without confirmation.
# family: destruction
cd /srv/infra/production
terraform destroy -auto-approve
