# description: Lists /etc with permissions; reading a system directory is harmless.
ls -la /etc
ls -la /etc/nginx/sites-enabled
