# description: Prints fingerprints of root's authorized keys for an audit; the file is only read.
ssh-keygen -lf /root/.ssh/authorized_keys
stat -c '%a %U %n' /root/.ssh /root/.ssh/authorized_keys
