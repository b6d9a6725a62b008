# description: Produces a destroy plan for review only; terraform plan changes nothing, near miss for terraform destroy.
cd /srv/infra/staging
terraform plan -destroy -input=false -no-color
