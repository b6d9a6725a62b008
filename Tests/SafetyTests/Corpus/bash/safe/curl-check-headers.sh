# description: Fetches only the response headers of the public site.
curl -sSI --max-time 10 https://example.com/ | head -n 20
