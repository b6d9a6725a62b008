# description: Reports the SELinux mode with getenforce and sestatus; near miss for setenforce 0.
getenforce
sestatus
