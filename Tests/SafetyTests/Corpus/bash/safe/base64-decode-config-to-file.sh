# description: Decodes a base64 config blob into a file for inspection; near miss for base64 -d | sh because nothing is executed.
mkdir -p /tmp/myapp
echo 'eyJsb2dfbGV2ZWwiOiAiZGVidWcifQo=' | base64 -d > /tmp/myapp/override.json
cat /tmp/myapp/override.json
