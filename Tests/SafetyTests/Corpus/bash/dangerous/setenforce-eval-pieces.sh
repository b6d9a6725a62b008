# description: Builds setenforce 0 from fragments and runs it through eval.
# family: security
# obfuscated: yes
m=0
eval "set""enforce $m"
