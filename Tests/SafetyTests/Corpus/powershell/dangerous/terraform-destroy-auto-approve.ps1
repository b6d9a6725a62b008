# description: Destroys the production Terraform stack without confirmation.
# family: destruction
Set-Location C:\infra\production
terraform destroy -auto-approve
