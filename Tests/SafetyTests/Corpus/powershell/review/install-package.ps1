# description: Installs a package from the PowerShell Gallery provider.
# family: availability
Install-Package -Name Microsoft.Web.Administration -ProviderName NuGet -Force -Scope AllUsers
